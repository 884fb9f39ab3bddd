package io.statstream.model.topic;

/** Headers a dead-lettered record carries, so an operator can find the original and see why it failed. */
public final class DeadLetterHeaders {
    public static final String REASON = "statstream.dlq.reason";
    public static final String SOURCE_TOPIC = "statstream.dlq.source.topic";
    public static final String SOURCE_PARTITION = "statstream.dlq.source.partition";
    public static final String SOURCE_OFFSET = "statstream.dlq.source.offset";

    private DeadLetterHeaders() {
    }
}
