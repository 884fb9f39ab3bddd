package io.statstream.launcher;

import io.statstream.embedded.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API over HTTPS with a PEM certificate and key, against a Redis that takes TLS connections
 * only (rediss://, trusting the authority REDIS_TLS_CA_FILE names): a submission goes round trip.
 */
class TlsIT {
    @Test
    void theApiServesHttpsAndTheStoreIsReachedOverTls(@TempDir Path dir) throws Exception {
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(certificate, key);
        Path binary = Prerequisites.redisServer();
        try (RedisServerProcess redis = RedisServerProcess.startWithTls(binary, certificate, key);
             LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0",
                     "REDIS_URL", redis.url(), "REDIS_TLS_CA_FILE", certificate.toString(),
                     "HTTP_TLS_CERT_FILE", certificate.toString(), "HTTP_TLS_KEY_FILE", key.toString()))) {
            URI api = pipeline.apiUri();
            assertEquals("https", api.getScheme());
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificate)).build();
            HttpResponse<String> accepted = trusting.send(HttpRequest.newBuilder(api.resolve("/v1/analyses"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"descriptive\",\"data\":[2,7,1,8," + System.nanoTime() + "]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            String location = accepted.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> result = trusting.send(HttpRequest.newBuilder(api.resolve(location + "?wait=30s")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, result.statusCode(), "computed, stored in Redis over TLS and read back: " + result.body());

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.getPort()
                    + "/health/live")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()),
                    "no plain HTTP on a TLS port");
            assertTrue(pipeline.store().describe().startsWith("rediss://"), pipeline.store().describe());
        }
    }

    private static void selfSigned(Path certificate, Path key) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl made a certificate");
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("statstream", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
