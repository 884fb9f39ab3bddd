"""What the client raises: a problem+json answer becomes a ProblemError carrying its fields."""


class StatstreamError(Exception):
    """Anything that kept a call from its answer."""


class ProblemError(StatstreamError):
    """statstream answered with an RFC 9457 problem: ``status``, ``type``, ``title``, ``detail``,
    and ``errors``, the field-level violations (each a dict with ``field``, ``code``, ``message``)."""

    def __init__(self, status, problem):
        self.status = status
        self.problem = problem if isinstance(problem, dict) else {}
        self.type = self.problem.get("type")
        self.title = self.problem.get("title")
        self.detail = self.problem.get("detail")
        self.errors = self.problem.get("errors", [])
        super().__init__("%s %s: %s" % (status, self.title or "", self.detail or problem))


class RateLimited(ProblemError):
    """429: over the client's share, still so after the client's retries; ``retry_after`` in seconds."""

    def __init__(self, status, problem, retry_after):
        super().__init__(status, problem)
        self.retry_after = retry_after


class Unavailable(ProblemError):
    """503: the service could not take the call (Kafka or the store did not answer), after retries."""

    def __init__(self, status, problem, retry_after):
        super().__init__(status, problem)
        self.retry_after = retry_after


class NotFound(ProblemError):
    """404: no result and no pending analysis under that key."""
