package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.model.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The HTTP calls a client of statstream makes, for the end-to-end tests. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // one request per connection, as load generators do; h2c would cap streams at 100
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<URI> base; // asked at each call: a test class's pipeline starts after its fields are set
    private final String apiKey; // null: none sent

    ApiClient(URI base) {
        this(() -> base, null);
    }

    ApiClient(Supplier<URI> base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The same client, sending {@code Authorization: Bearer <apiKey>} on every call. */
    ApiClient withKey(String key) {
        return new ApiClient(base, key);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.get().resolve(path));
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    record Reply(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return Json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Reply submit(String json) {
        return submit(json, "application/json");
    }

    Reply submit(String json, String contentType) {
        return join(submitAsync(json, contentType));
    }

    CompletableFuture<Reply> submitAsync(String json, String contentType) {
        HttpRequest request = request("/v1/analyses")
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(ApiClient::checked);
    }

    Reply post(String path, String contentType, String body) {
        HttpRequest request = request(path)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return join(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(ApiClient::checked));
    }

    CompletableFuture<Reply> getAsync(String path) {
        HttpRequest request = request(path).timeout(Duration.ofSeconds(60)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(ApiClient::checked);
    }

    Reply get(String path, String... headers) {
        HttpRequest.Builder request = request(path).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return join(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(ApiClient::checked));
    }

    /** The key's answer once its result is stored, or the last answer at the deadline: long polls (?wait=), no sleeping. */
    Reply awaitResult(String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftSeconds = Math.max(1, Math.min(25, Duration.ofNanos(deadline - System.nanoTime()).toSeconds()));
            Reply reply = get("/v1/analyses/" + key + "?wait=" + leftSeconds + "s");
            if (reply.status() == 200 || System.nanoTime() > deadline) {
                return reply;
            }
            if (reply.status() == 404) {
                Thread.sleep(25); // not known yet (its submission still on its way): a wait only parks known keys
            }
        }
    }

    /** Every reply is checked against the API's contract (openapi.yaml) before a test sees it. */
    private static Reply checked(HttpResponse<String> response) {
        ApiContract.DOCUMENT.check(response.request().method(), response.request().uri(), response.statusCode(),
                response.headers(), response.body());
        return new Reply(response.statusCode(), response);
    }

    /** The reply; a contract violation surfaces as the AssertionError it is, not as a RuntimeException callers may retry on. */
    private static Reply join(CompletableFuture<Reply> reply) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError violation) {
                throw violation;
            }
            throw e;
        }
    }
}
