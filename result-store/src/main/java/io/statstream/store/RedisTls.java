package io.statstream.store;

import io.lettuce.core.SslOptions;

import java.nio.file.Path;
import java.util.Optional;

/** How a {@code rediss://} connection trusts Redis: the authority named by REDIS_TLS_CA_FILE, else the JVM's trust store. */
public final class RedisTls {
    private RedisTls() {
    }

    public static SslOptions options(Optional<Path> ca) {
        SslOptions.Builder options = SslOptions.builder().jdkSslProvider();
        ca.ifPresent(file -> options.trustManager(file.toFile()));
        return options.build();
    }
}
