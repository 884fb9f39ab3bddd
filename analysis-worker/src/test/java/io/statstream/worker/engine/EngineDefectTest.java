package io.statstream.worker.engine;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.result.ResultStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A defect in the engine (an exception that is not an {@link io.statstream.model.result.AnalysisFailure})
 * still gives the accepted key an answer: a failed envelope naming an internal error, not a
 * stream thread that dies or a key that never gets a result.
 */
class EngineDefectTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** Fails the first time it is read, as a defect in the success path would; then tells the time. */
    private static final class ClockFailingOnce extends Clock {
        private boolean failed;

        @Override
        public Instant instant() {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("a defect");
            }
            return NOW;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void anUnexpectedExceptionBecomesAFailedResultForTheSameKey() {
        AnalysisRequest request = ((ParsedRequest.Valid) new RequestParser(RequestLimits.DEFAULT)
                .parse("{\"type\":\"descriptive\",\"data\":[1,2,3,4]}".getBytes(StandardCharsets.UTF_8))).request();
        CanonicalForm form = CanonicalForm.of(request);

        ResultEnvelope envelope = new Engine(new ClockFailingOnce()).run(form.key(), request);

        assertEquals(form.key(), envelope.key());
        assertEquals(ResultStatus.FAILED, envelope.status());
        assertTrue(envelope.error().startsWith("internal error in the engine: IllegalStateException"), envelope.error());
        assertEquals(NOW, envelope.computedAt());
    }
}
