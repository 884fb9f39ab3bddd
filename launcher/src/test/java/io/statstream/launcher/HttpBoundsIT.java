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

/** The API's own bounds on connections: where it listens, how long an idle client may stay, how long its headers may be. */
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

    @Test
    void headersAndRequestLinesOverTheirSettingsAreRefusedAndTheirConnectionsClosed() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0", "HTTP_MAX_HEADER_BYTES", "1024", "HTTP_MAX_URL_BYTES", "256"))) {
            int port = pipeline.apiUri().getPort();
            String bigHeader = "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(2_000) + "\r\n\r\n";
            assertEquals("431", statusThenClose(port, bigHeader));
            String longLine = "GET /v1/analyses/" + "c".repeat(300) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
            assertEquals("414", statusThenClose(port, longLine));
            try (Socket within = new Socket("127.0.0.1", port)) {
                within.setSoTimeout(10_000);
                within.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(500) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.1 200", new String(within.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
            }
        }
    }

    /** The status code answered to {@code request}, after checking that the server then closed the connection. */
    private static String statusThenClose(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII); // to the close
            return answer.length() < 12 ? answer : answer.substring(9, 12); // "HTTP/1.x NNN"
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
