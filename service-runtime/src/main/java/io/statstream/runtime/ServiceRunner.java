package io.statstream.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.AbstractConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one service until the JVM is asked to stop: creates the topics if they are missing, starts
 * the service, closes it on SIGTERM/Ctrl-C. A service that fails to start exits with status 1; this
 * is the one place a service main exits.
 */
public final class ServiceRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    /** Starts a service; what it returns is closed at shutdown. */
    @FunctionalInterface
    public interface Starter {
        AutoCloseable start() throws Exception;
    }

    private ServiceRunner() {
    }

    public static void run(String name, AbstractConfig settings, Starter starter) {
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable service;
        try {
            ensureTopics(settings);
            service = starter.start();
        } catch (Exception e) {
            LOG.error("{} failed to start: {}", name, e.toString(), e);
            Runtime.getRuntime().halt(1);
            return;
        }
        LOG.info("{} started", name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{} stopping", name);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", name, e.toString());
            }
            stopped.countDown();
        }, name + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void ensureTopics(AbstractConfig settings) throws Exception {
        try (Admin admin = Admin.create(KafkaClients.config(settings))) {
            TopicSetup.ensureTopics(admin, settings.getInt(SharedSettings.TOPIC_PARTITIONS),
                    Optional.ofNullable(settings.getShort(SharedSettings.TOPIC_REPLICATION_FACTOR)));
        }
    }
}
