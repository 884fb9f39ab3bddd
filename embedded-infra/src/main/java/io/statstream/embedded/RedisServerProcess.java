package io.statstream.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real redis-server as a child process on a loopback port, without persistence, for local runs
 * and tests. It can be stopped and started again on the same port, to play a Redis outage.
 */
public final class RedisServerProcess implements AutoCloseable {
    /** Overrides where redis-server is looked for. */
    public static final String BINARY_ENV = "REDIS_SERVER_BINARY";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path binary;
    private final int port;
    private final List<String> tls; // empty: plain connections on the port
    private Process process;

    private RedisServerProcess(Path binary, int port, List<String> tls) {
        this.binary = binary;
        this.port = port;
        this.tls = tls;
    }

    /** redis-server from {@value #BINARY_ENV} or the PATH, if there is one. */
    public static Optional<Path> findBinary() {
        String configured = System.getenv(BINARY_ENV);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public static RedisServerProcess start(Path binary) throws IOException, InterruptedException {
        RedisServerProcess redis = new RedisServerProcess(binary, FreePorts.any(), List.of());
        redis.start();
        return redis;
    }

    /** A server that takes TLS connections only ({@code rediss://}), with this PEM certificate and key. */
    public static RedisServerProcess startWithTls(Path binary, Path certificate, Path key) throws IOException, InterruptedException {
        RedisServerProcess redis = new RedisServerProcess(binary, FreePorts.any(), List.of("--tls-cert-file", certificate.toString(),
                "--tls-key-file", key.toString(), "--tls-ca-cert-file", certificate.toString(), "--tls-auth-clients", "no"));
        redis.start();
        return redis;
    }

    /** Starts (again) on this instance's port and returns once it answers PING. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        command.addAll(tls.isEmpty() ? List.of("--port", Integer.toString(port))
                : List.of("--port", "0", "--tls-port", Integer.toString(port)));
        command.addAll(tls);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        awaitPong();
    }

    /** Stops the server; what it held is gone, as after a crash without persistence. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    public String url() {
        return (tls.isEmpty() ? "redis://" : "rediss://") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Freezes the server (SIGSTOP) as a hung host would: connections stay open, nothing answers. */
    public synchronized void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT), with everything it held. */
    public synchronized void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (process == null) {
            throw new IllegalStateException("redis-server is not running");
        }
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitPong() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited at start with status " + process.exitValue() + " (port " + port + ")");
            }
            if (tls.isEmpty() ? answersPing() : listening()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("redis-server did not answer on port " + port + " within " + START_TIMEOUT);
            }
            Thread.sleep(20); // start-up takes tens of milliseconds
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

}
