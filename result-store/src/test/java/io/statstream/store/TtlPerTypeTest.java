package io.statstream.store;

import io.statstream.model.AnalysisType;
import io.statstream.model.EngineVersion;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TtlPerTypeTest {
    private static final ContentKey DESCRIPTIVE = new ContentKey("d".repeat(64));
    private static final ContentKey CORRELATION = new ContentKey("c".repeat(64));

    @Test
    void aTypeWithItsOwnTtlExpiresOnItsOwnClock() throws Exception {
        ResultStoreOptions options = ResultStoreOptions.DEFAULT.withTtlByType(Map.of(AnalysisType.DESCRIPTIVE, Duration.ofSeconds(30)));
        try (InProcessResultStore store = new InProcessResultStore(options)) {
            store.put(DESCRIPTIVE, envelope(DESCRIPTIVE, AnalysisType.DESCRIPTIVE));
            store.put(CORRELATION, envelope(CORRELATION, AnalysisType.CORRELATION));
            List<Optional<Duration>> ttls = store.remainingTtl(List.of(DESCRIPTIVE, CORRELATION)).toCompletableFuture().get();
            assertTrue(ttls.get(0).orElseThrow().compareTo(Duration.ofSeconds(30)) <= 0, ttls.toString());
            assertTrue(ttls.get(1).orElseThrow().compareTo(Duration.ofMinutes(59)) > 0, ttls.toString());
        }
    }

    @Test
    void aResultKeepsOnlyTheTimeItHasLeftSinceItWasComputed() throws Exception {
        ContentKey recent = new ContentKey("a".repeat(64));
        ContentKey expired = new ContentKey("b".repeat(64));
        Instant now = Instant.now();
        try (InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT)) { // one hour
            store.putAll(List.of(
                    new Results.TimedResult(recent, envelope(recent, AnalysisType.DESCRIPTIVE), now.minus(Duration.ofMinutes(45))),
                    new Results.TimedResult(expired, envelope(expired, AnalysisType.DESCRIPTIVE), now.minus(Duration.ofHours(2)))))
                    .toCompletableFuture().get();
            List<Optional<Duration>> ttls = store.remainingTtl(List.of(recent, expired)).toCompletableFuture().get();
            Duration left = ttls.get(0).orElseThrow();
            assertTrue(left.compareTo(Duration.ofMinutes(15)) <= 0 && left.compareTo(Duration.ofMinutes(14)) > 0, left.toString());
            assertEquals(Optional.empty(), ttls.get(1), "a replayed result past its time to live is not stored again");
        }
    }

    @Test
    void theTypeIsReadFromTheEnvelopeWithoutParsingIt() {
        assertEquals(Optional.of(AnalysisType.CORRELATION), ResultEnvelope.peekType(envelope(CORRELATION, AnalysisType.CORRELATION)));
        assertEquals(Optional.empty(), ResultEnvelope.peekType("not json".getBytes()));
    }

    private static byte[] envelope(ContentKey key, AnalysisType type) {
        return Json.write(ResultEnvelope.failed(key, type, "test", EngineVersion.CURRENT, Instant.EPOCH, 1));
    }
}
