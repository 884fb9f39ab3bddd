package io.statstream.launcher;

import io.statstream.model.key.CanonicalForm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;

/** With WARM_REFRESH_INTERVAL_SECONDS set, the most requested inputs are recomputed without anyone asking. */
class ScheduledRefreshIT {
    @Test
    void theHotSetIsComputedBeforeAnyoneAsksAgain() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0", "WARM_REFRESH_INTERVAL_SECONDS", "1",
                "WARM_REFRESH_TOP", "3"))) {
            List<CanonicalForm> hot = Requests.distinct(3, System.nanoTime());
            for (CanonicalForm form : hot) {
                // Counted as requested, as after a TTL lapse or an engine-version change: no result is stored.
                pipeline.store().hotKeys().record(form, 10).toCompletableFuture().get();
            }
            awaitTrue(() -> hot.stream().allMatch(form -> pipeline.store().contains(form.key()).toCompletableFuture().join()),
                    "the scheduled refresh computes the hot set");
        }
    }
}
