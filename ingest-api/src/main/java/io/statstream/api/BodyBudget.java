package io.statstream.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of requests the API may hold in memory at once: a request buffered whole (a submission,
 * a lookup) reserves its Content-Length (or the largest body allowed, when it does not say), a
 * batch what its chunks, acknowledgements and item outcomes hold at most ({@link #BATCH_BYTES}),
 * before a byte is read; each gives it back when its answer is sent. Past the budget a request is
 * answered 503 with Retry-After at once, so many large requests together cannot exhaust the heap.
 */
final class BodyBudget {
    /** A batch's most: the chunk being read, two awaiting the broker, and 100,000 item outcomes. */
    static final long BATCH_BYTES = 32L * 1024 * 1024;
    static final String IN_USE = "statstream.api.body.bytes";

    private final long budget;
    private final long maxBodyBytes;
    private final AtomicLong reserved = new AtomicLong();

    BodyBudget(long budget, long maxBodyBytes, MeterRegistry registry) {
        this.budget = budget;
        this.maxBodyBytes = maxBodyBytes;
        Gauge.builder(IN_USE, reserved, AtomicLong::get).description("Bytes of request bodies reserved in memory").register(registry);
    }

    /** A quarter of the heap: what parsing does to a body (a tree of it, its canonical form) needs the rest. */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** For a route whose body is buffered whole: reserves what the request says it sends. */
    PlatformHandler declared() {
        // Chunked, or a length the body handler refuses: assume the worst.
        return ctx -> reserve(ctx, Math.min(maxBodyBytes, ContentLength.of(ctx.request()).orElse(maxBodyBytes)));
    }

    /** For a route that streams its body in bounded pieces: reserves their bound. */
    PlatformHandler fixed(long bytes) {
        return ctx -> reserve(ctx, bytes);
    }

    private void reserve(RoutingContext ctx, long size) {
        while (true) {
            long now = reserved.get();
            if (now > 0 && now + size > budget) { // one body alone always fits: the body limit bounds it
                ctx.fail(new ApiException(ApiError.SERVER_BUSY, "the server holds as many request bodies as it may; try again shortly"));
                return;
            }
            if (reserved.compareAndSet(now, now + size)) {
                break;
            }
        }
        ctx.addEndHandler(ended -> reserved.addAndGet(-size)); // answered, failed or the connection closed
        ctx.next();
    }
}
