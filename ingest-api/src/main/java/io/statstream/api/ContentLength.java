package io.statstream.api;

import io.vertx.core.http.HttpServerRequest;

import java.util.OptionalLong;

/** What a request says its body weighs, read before a byte of the body is. */
final class ContentLength {
    private ContentLength() {
    }

    /** The declared length; empty when the body is chunked, or the header is not a length at all. */
    static OptionalLong of(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null || length.isEmpty() || length.length() > 18 || !length.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(length));
    }
}
