package io.statstream.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar launcher/target/statstream.jar}: the whole pipeline on this machine, until Ctrl-C. */
public final class StatstreamLocal {
    private static final Logger LOG = LoggerFactory.getLogger(StatstreamLocal.class);

    private StatstreamLocal() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(System.getenv());
        } catch (Exception e) {
            LOG.error("statstream could not start: {}", e.toString(), e);
            Runtime.getRuntime().halt(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping statstream");
            pipeline.close();
            stopped.countDown();
        }, "statstream-shutdown"));
        String url = pipeline.apiUri().toString();
        LOG.info("statstream is ready in {} ms: {}", (System.nanoTime() - started) / 1_000_000, url);
        System.out.printf("%nstatstream is running at %s (this machine only, no access control; Ctrl-C stops it)%n"
                + "  curl -s -XPOST %s/v1/analyses -H 'Content-Type: application/json' \\%n"
                + "       -d '{\"type\":\"descriptive\",\"data\":[1,2,3,4,5]}'%n"
                + "  curl -s %s/v1/analyses/<key>%n"
                + "  console    %s/console%n"
                + "  API docs   %s/docs (the contract: %s/openapi.json)%n"
                + "  metrics    %s/metrics%n%n", url, url, url, url, url, url, url);
        stopped.await();
    }
}
