package io.statstream.api;

import io.statstream.api.access.Caller;
import io.statstream.api.access.SubmissionQuotas;
import io.statstream.model.request.Violation;

import java.util.List;

/** An error to answer with: which {@link ApiError}, the detail for this request, and field violations if any. */
public final class ApiException extends RuntimeException {
    private final ApiError error;
    private final List<Violation> violations;

    public ApiException(ApiError error, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.error = error;
        this.violations = List.copyOf(violations);
    }

    public ApiException(ApiError error, String detail) {
        this(error, detail, List.of());
    }

    public ApiException(ApiError error, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.error = error;
        this.violations = List.of();
    }

    /**
     * The store did not answer: 503 with Retry-After. An {@code ApiException} raised on the way
     * (a 404, a 400) is kept as it is.
     */
    static ApiException storeUnavailable(Throwable failure) {
        // The client hears what happened, not the driver's text (the log has it, with the cause).
        return failure instanceof ApiException api ? api
                : new ApiException(ApiError.STORE_UNAVAILABLE, "the result store did not answer", failure);
    }

    /** 429: the caller spent its share of submissions; the grant says when it may go on. */
    static ApiException overShare(Caller caller, SubmissionQuotas.Grant grant) {
        return new ApiException(ApiError.RATE_LIMITED, "client \"" + caller.name() + "\" is over its share of submissions ("
                + grant.limit() + " misses per " + grant.window().toSeconds() + " s, a hit a tenth); try again in "
                + grant.retryAfterSeconds() + " s");
    }

    /** 429: the caller has as many accepted analyses unfinished as it may; collecting results makes room. */
    static ApiException tooMuchUnfinished(Caller caller, long unfinished, int max) {
        return new ApiException(ApiError.RATE_LIMITED, "client \"" + caller.name() + "\" has " + unfinished
                + " accepted analyses not finished yet, at most " + max + " at a time; try again once some are done");
    }

    public ApiError error() {
        return error;
    }

    public List<Violation> violations() {
        return violations;
    }
}
