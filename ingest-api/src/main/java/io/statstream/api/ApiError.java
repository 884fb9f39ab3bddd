package io.statstream.api;

/**
 * Every error the API answers with, as RFC 9457 problem types. Retriable errors carry a
 * Retry-After; clients decide by the type (or the status), never by the message.
 */
public enum ApiError {
    INVALID_REQUEST(400, "invalid-request", "The request is not a valid analysis", false),
    MALFORMED_KEY(400, "malformed-key", "A key is 64 lowercase hex digits", false),
    INVALID_PARAMETER(400, "invalid-parameter", "A query parameter or field has an invalid value", false),
    UNAUTHORIZED(401, "unauthorized", "Send an API key: Authorization: Bearer <key>", false),
    FORBIDDEN(403, "forbidden", "This API key's role does not allow this", false),
    NOT_FOUND(404, "not-found", "No analysis with this key was submitted, or its result expired", false),
    NO_ROUTE(404, "no-route", "No route has this path", false),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This path does not accept this method", false),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request is larger than this server accepts", false),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Send application/json", false),
    EXPECTATION_FAILED(417, "expectation-failed", "The only expectation this server meets is 100-continue", false),
    RATE_LIMITED(429, "rate-limited", "Over this client's share; try again after Retry-After", true),
    SERVER_BUSY(503, "server-busy", "The server holds as many requests as it may; try again shortly", true),
    WAITING_FULL(503, "waiting-full", "The server holds as many waiting requests as it may; try again shortly", true),
    STORE_UNAVAILABLE(503, "store-unavailable", "The result store does not answer; try again shortly", true),
    BROKER_UNAVAILABLE(503, "broker-unavailable", "The request could not be recorded durably; try again shortly", true),
    INTERNAL(500, "internal", "An unexpected error; it has been logged", false);

    /** Seconds a client should wait before retrying a retriable error. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final int status;
    private final String slug;
    private final String title;
    private final boolean retriable;

    ApiError(int status, String slug, String title, boolean retriable) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retriable = retriable;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "https://statstream.io/problems/" + slug;
    }

    public String title() {
        return title;
    }

    public boolean retriable() {
        return retriable;
    }

    public static ApiError forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 404 -> NO_ROUTE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 417 -> EXPECTATION_FAILED; // an Expect header other than 100-continue: the client's, not ours
            default -> INTERNAL;
        };
    }
}
