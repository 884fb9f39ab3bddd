package io.statstream.api;

import java.util.concurrent.ThreadLocalRandom;

/** Ids that tie an answer to the log line explaining it: short, random, no meaning of their own. */
final class Incidents {
    private Incidents() {
    }

    static String next() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
