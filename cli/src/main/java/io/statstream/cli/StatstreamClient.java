package io.statstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The HTTP calls the commands make. */
final class StatstreamClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Optional<String> apiKey;

    StatstreamClient(URI base, Optional<String> apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /**
     * A reply as the bytes that came: {@link #text()} decodes them, {@link #body()} parses them into
     * a tree, for the commands that need one ({@code wait} reads its large lookups in place instead).
     */
    record Reply(int status, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode body() {
            try {
                return bytes.length == 0 ? null : JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("statstream answered " + status + " with a body that is not JSON", e);
            }
        }
    }

    /** Sends at once and completes with the reply, so that several calls can be in flight. */
    CompletableFuture<Reply> postNdjson(String path, String ndjson) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return http.sendAsync(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        throw unreachable(cause instanceof IOException io ? io : new IOException(cause));
                    }
                    return new Reply(response.statusCode(), response.body());
                });
    }

    /** The reply of a call sent with {@link #postNdjson}, or the failure that stopped it, as thrown by the synchronous calls. */
    static Reply await(CompletableFuture<Reply> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply lookup(List<String> keys, Duration wait) {
        String body = "{\"keys\":" + JSON.valueToTree(keys) + "}";
        return postJson("v1/analyses/lookup?wait=" + wait.toSeconds() + "s", body);
    }

    private Reply send(HttpRequest.Builder request) {
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Names the first reason in the chain: the JDK's {@code ConnectException} for a refused connection carries none. */
    private UncheckedIOException unreachable(IOException failure) {
        String reason = failure instanceof ConnectException ? "connection refused" : failure.getClass().getSimpleName();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
                break;
            }
        }
        return new UncheckedIOException("cannot reach statstream at " + base + ": " + reason, failure);
    }
}
