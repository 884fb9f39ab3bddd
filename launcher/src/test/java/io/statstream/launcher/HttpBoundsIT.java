package io.statstream.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The API's own bounds on connections: where it listens, and how long an idle client may stay. */
class HttpBoundsIT {
    @Test
    void anIdleConnectionIsClosedAndTheLocalModeListensOnLoopbackOnly() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0", "HTTP_IDLE_TIMEOUT_SECONDS", "1"))) {
            URI uri = pipeline.apiUri();
            try (Socket idle = new Socket("127.0.0.1", uri.getPort())) {
                idle.setSoTimeout(30_000); // a deadline, not the figure: the server closes after ~1 s
                InputStream in = idle.getInputStream();
                assertEquals(-1, in.read(), "the server closes a connection that sends nothing");
            }
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                try (Socket outside = new Socket()) {
                    assertThrows(IOException.class, () -> outside.connect(new InetSocketAddress(external.get(), uri.getPort()), 2_000),
                            "the one-command mode answers on " + external.get());
                }
            }
        }
    }

    @Test
    void aConnectionOverTheCapIsClosedAtOnceAndTheOthersAreServed() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0", "HTTP_MAX_CONNECTIONS", "2"))) {
            int port = pipeline.apiUri().getPort();
            byte[] live = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
                Thread.sleep(500); // both accepted
                try (Socket third = new Socket("127.0.0.1", port)) {
                    third.setSoTimeout(10_000);
                    third.getOutputStream().write(live);
                    assertEquals(-1, third.getInputStream().read(), "the third connection is closed unanswered");
                }
                first.setSoTimeout(10_000);
                first.getOutputStream().write(live);
                assertEquals("HTTP/1.1 200", new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII),
                        "a connection within the cap is served");
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
