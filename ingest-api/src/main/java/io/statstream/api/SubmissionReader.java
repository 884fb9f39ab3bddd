package io.statstream.api;

import com.github.benmanes.caffeine.cache.Cache;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.Sha256;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestParser;
import io.statstream.store.LocalCaches;
import io.statstream.store.SeenBefore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads the body of a single submission into its canonical form, or refuses it naming every
 * problem. Remembers the forms of the small bodies it read, by the SHA-256 of their bytes, so
 * that the same bytes sent again (a dashboard refreshing, a service asking again) are not parsed,
 * validated and written in canonical form again: that was half of a cached POST's time, and a
 * digest of a few hundred bytes takes a microsecond. The same bytes always read the same way
 * (the limits are the process's own), so a remembered form is never wrong; an invalid body is not
 * remembered, nor is one seen for the first time: most bodies of new analyses are sent once
 * ({@link SeenBefore}). Bounded by weight: {@link #MEMORY_BYTES} of bodies and forms, whatever the
 * traffic.
 */
final class SubmissionReader {
    /** Larger bodies are read each time: parsing dwarfs the digest's saving less, and they are rarely repeated. */
    static final int MAX_REMEMBERED_BODY_BYTES = 8 * 1024;
    static final long MEMORY_BYTES = 16L * 1024 * 1024;
    /** An entry's cost beside its form's text: the digest, the cache's node, the form and its content key. */
    private static final int ENTRY_OVERHEAD_BYTES = 400;

    private final RequestParser parser;
    private final Cache<BodyDigest, CanonicalForm> recent = LocalCaches.builder()
            .maximumWeight(MEMORY_BYTES)
            .weigher((BodyDigest digest, CanonicalForm form) -> ENTRY_OVERHEAD_BYTES + form.json().length())
            .build();
    private final SeenBefore sentBefore = new SeenBefore();

    SubmissionReader(RequestParser parser) {
        this.parser = parser;
    }

    /** The request's canonical form; an invalid request is an {@link ApiException} naming every problem. */
    CanonicalForm read(byte[] body) {
        if (body.length > MAX_REMEMBERED_BODY_BYTES) {
            return parse(body);
        }
        BodyDigest digest = BodyDigest.of(body);
        CanonicalForm remembered = recent.getIfPresent(digest);
        if (remembered != null) {
            return remembered;
        }
        CanonicalForm form = parse(body); // throws for an invalid body, which is not remembered
        if (digest.sentBefore(sentBefore)) {
            recent.put(digest, form);
        }
        return form;
    }

    private CanonicalForm parse(byte[] body) {
        ParsedRequest parsed = parser.parse(body);
        if (parsed instanceof ParsedRequest.Invalid invalid) {
            ApiError error = invalid.tooLarge() ? ApiError.PAYLOAD_TOO_LARGE : ApiError.INVALID_REQUEST;
            throw new ApiException(error, invalid.violations().size() + " problem(s) with the request", invalid.violations());
        }
        return CanonicalForm.of(((ParsedRequest.Valid) parsed).request());
    }

    /** The SHA-256 of a body's bytes, compared by value. */
    private record BodyDigest(byte[] sha256) {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        static BodyDigest of(byte[] body) {
            return new BodyDigest(Sha256.of(body));
        }

        boolean sentBefore(SeenBefore seen) {
            return seen.sawBefore((long) LONGS.get(sha256, 0), (long) LONGS.get(sha256, 8));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BodyDigest digest && Arrays.equals(sha256, digest.sha256);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sha256);
        }
    }
}
