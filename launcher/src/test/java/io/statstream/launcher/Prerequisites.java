package io.statstream.launcher;

import io.statstream.embedded.RedisServerProcess;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The programs the end-to-end tests run, found on the PATH. One missing skips the test on a
 * developer's machine, and fails it where CI is set: CI promises them (.ci/run installs them).
 */
final class Prerequisites {
    private Prerequisites() {
    }

    /** A real redis-server. */
    static Path redisServer() {
        return present(RedisServerProcess.findBinary(), "redis-server");
    }

    /** Any program on the PATH, e.g. python3. */
    static Path onPath(String program) {
        return present(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst(), program);
    }

    private static Path present(Optional<Path> found, String program) {
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("CI promises " + program + " (.ci/run installs it), and it is not on the PATH");
            }
            assumeTrue(false, "needs " + program + " on the PATH");
        }
        return found.get();
    }
}
