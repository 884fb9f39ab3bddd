package io.statstream.runtime;

/**
 * The largest record on statstream's topics. Kafka's default (1 MiB) would refuse a request of more
 * than ~60,000 numbers that the API accepted; this fits the largest body the API takes. The topics
 * are created with it, and every producer is configured with it.
 */
public final class MaxMessageSize {
    public static final int BYTES = 32 * 1024 * 1024;

    private MaxMessageSize() {
    }
}
