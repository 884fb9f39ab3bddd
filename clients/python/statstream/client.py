"""The HTTP calls, with urllib: submit, submit_many, get, wait, lookup, results, warm.

Results are plain dicts (the envelopes as the server writes them); pandas is never needed:
``pandas.DataFrame(e["result"] for _, e in client.results(keys))`` works where it is installed.
"""
import itertools
import json
import time
import urllib.error
import urllib.parse
import urllib.request

from .errors import NotFound, ProblemError, RateLimited, StatstreamError, Unavailable

MAX_LOOKUP_KEYS = 10_000


class Client:
    """A statstream API at ``url``; ``api_key`` is sent as a bearer token when given.

    Calls answered 503 or 429 are retried up to ``retries`` times, each after the ``Retry-After``
    the server sent (at most ``max_backoff`` seconds).
    """

    def __init__(self, url, api_key=None, timeout=60.0, retries=5, max_backoff=30.0):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.max_backoff = max_backoff

    # -- single analyses

    def submit(self, request):
        """Submits one analysis. Returns the stored envelope (``cache_hit`` true) when the result is
        known already, else ``{"key", "status": "pending", "cache_hit": false}``."""
        return self._call("POST", "/v1/analyses", json.dumps(request).encode("utf-8"))[1]

    def get(self, key, wait=None):
        """The envelope of ``key``, or None while it is pending. ``wait`` (seconds, at most 30) holds
        the call until the result is stored. Raises NotFound for a key statstream does not know."""
        path = "/v1/analyses/" + key + ("?wait=%ds" % wait if wait else "")
        status, body = self._call("GET", path)
        return body if status == 200 else None

    def wait(self, key, timeout=300.0):
        """The envelope of ``key`` once it is stored (long polls of up to 30 s each)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no result for %s within %s s" % (key, timeout))
            envelope = self.get(key, wait=max(1, min(30, int(left))))
            if envelope is not None:
                return envelope

    # -- many analyses

    def submit_many(self, requests, chunk=5000):
        """Streams ``requests`` (any iterable of dicts) as NDJSON, ``chunk`` per call, and yields each
        item's outcome in order: ``{"key", "state"}`` with state ``done``, ``pending``,
        ``rejected`` (with ``errors``) or ``failed`` (send it again)."""
        iterator = iter(requests)
        while True:
            batch = list(itertools.islice(iterator, chunk))
            if not batch:
                return
            body = "\n".join(json.dumps(r) for r in batch).encode("utf-8")
            reply = self._call("POST", "/v1/analyses/batch", body, "application/x-ndjson")[1]
            yield from reply["items"]

    def lookup(self, keys, wait=None):
        """Every key's state (``done`` with its ``result``, ``pending`` or ``unknown``), at most
        10,000 keys a call; ``wait`` holds the answer until all are done or the wait ends."""
        path = "/v1/analyses/lookup" + ("?wait=%ds" % wait if wait else "")
        return self._call("POST", path, json.dumps({"keys": list(keys)}).encode("utf-8"))[1]["results"]

    def results(self, keys, wait=10, timeout=600.0):
        """Yields ``(key, envelope)`` for every key as its result becomes ready, whatever the order.
        Raises NotFound for a key that is neither done nor pending."""
        waiting = list(dict.fromkeys(keys))
        deadline = time.monotonic() + timeout
        while waiting:
            if time.monotonic() > deadline:
                raise TimeoutError("%d results not ready within %s s" % (len(waiting), timeout))
            still = []
            for start in range(0, len(waiting), MAX_LOOKUP_KEYS):
                for entry in self.lookup(waiting[start:start + MAX_LOOKUP_KEYS], wait=wait):
                    if entry["state"] == "done" and "result" in entry:
                        yield entry["key"], entry["result"]
                    elif entry["state"] == "unknown":
                        raise NotFound(404, {"title": "Unknown key", "detail": entry["key"]})
                    else:
                        still.append(entry["key"])  # pending, or omitted from a full reply
            waiting = still

    def warm(self, requests=None, top=None, hours=None):
        """Cache warming (an operator's call): replays ``requests``, or the ``top`` most requested
        inputs of the last ``hours``. Returns the summary (read, already warm, published...)."""
        if top is not None:
            query = {"top": top}
            if hours is not None:
                query["hours"] = hours
            return self._call("POST", "/v1/analyses/warm?" + urllib.parse.urlencode(query), b"")[1]["summary"]
        body = "\n".join(json.dumps(r) for r in requests).encode("utf-8")
        return self._call("POST", "/v1/analyses/warm", body, "application/x-ndjson")[1]["summary"]

    # -- the transport

    def _call(self, method, path, body=None, content_type="application/json"):
        for attempt in itertools.count():
            request = urllib.request.Request(self.url + path, data=body, method=method)
            if body is not None:
                request.add_header("Content-Type", content_type)
            if self.api_key:
                request.add_header("Authorization", "Bearer " + self.api_key)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.status, _json(response.read())
            except urllib.error.HTTPError as error:
                problem = _json(error.read())
                retry_after = _seconds(error.headers.get("Retry-After"))
                if error.code in (429, 503) and attempt < self.retries:
                    time.sleep(min(self.max_backoff, retry_after or 2 ** attempt))
                    continue
                raise _problem(error.code, problem, retry_after) from None
            except urllib.error.URLError as error:
                raise StatstreamError("cannot reach statstream at %s: %s" % (self.url, error.reason)) from error


def _problem(status, problem, retry_after):
    if status == 429:
        return RateLimited(status, problem, retry_after)
    if status == 503:
        return Unavailable(status, problem, retry_after)
    if status == 404:
        return NotFound(status, problem)
    return ProblemError(status, problem)


def _json(raw):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return {"detail": raw.decode("utf-8", "replace")}


def _seconds(header):
    try:
        return float(header) if header else None
    except ValueError:
        return None
