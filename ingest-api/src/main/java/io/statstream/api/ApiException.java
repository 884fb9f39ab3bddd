package io.statstream.api;

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

    public ApiError error() {
        return error;
    }

    public List<Violation> violations() {
        return violations;
    }
}
