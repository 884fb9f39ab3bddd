package io.statstream.launcher;

import io.statstream.api.access.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every role on every route, over HTTP against the whole pipeline: what each may do, and the
 * 401 and 403 problem bodies for what it may not.
 */
class AccessIT {
    private static final String READER = "k-reader-1b7e", SUBMITTER = "k-submitter-c402", ADMIN = "k-admin-93fd";
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with("API_KEYS", String.join(";",
            ApiKeys.sha256Hex(READER) + " dashboard read",
            ApiKeys.sha256Hex(SUBMITTER) + " analytics submit",
            ApiKeys.sha256Hex(ADMIN) + " ops admin"));

    /** A route, the least role that may call it ({@code null}: anyone), and a call that reaches its handler. */
    private record Route(String name, String needs, String method, String path, String contentType, String body) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("submit", "submit", "POST", "/v1/analyses", "application/json",
                    "{\"type\":\"descriptive\",\"data\":[1,2,3]}"),
            new Route("batch", "submit", "POST", "/v1/analyses/batch", "application/x-ndjson",
                    "{\"type\":\"descriptive\",\"data\":[4,5,6]}"),
            new Route("lookup", "read", "POST", "/v1/analyses/lookup", "application/json", "{\"keys\":[]}"),
            new Route("get", "read", "GET", "/v1/analyses/" + "0".repeat(64), null, null),
            new Route("warm top", "admin", "POST", "/v1/analyses/warm?top=1", "application/json", ""),
            new Route("dead letters", "admin", "POST", "/v1/dead-letters/replay", "application/json", ""),
            new Route("health", "admin", "GET", "/health", null, null),
            new Route("metrics", "admin", "GET", "/metrics", null, null),
            new Route("hot inputs", "admin", "GET", "/v1/analyses/hot", null, null),
            new Route("liveness", null, "GET", "/health/live", null, null),
            new Route("contract", null, "GET", "/openapi.json", null, null),
            new Route("reference", null, "GET", "/docs", null, null),
            new Route("console", null, "GET", "/console", null, null));

    @Test
    void eachRoleMayDoWhatItsRoleAllowsAndNothingMore() {
        ApiClient anonymous = pipeline.api();
        Map<String, ApiClient> callers = Map.of(
                "none", anonymous, "unknown", anonymous.withKey("k-not-configured"),
                "read", anonymous.withKey(READER), "submit", anonymous.withKey(SUBMITTER), "admin", anonymous.withKey(ADMIN));
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
                ApiClient.Reply reply = call(caller.getValue(), route);
                int expected = expected(route, caller.getKey());
                boolean right = expected == 0 ? reply.status() != 401 && reply.status() != 403 && reply.status() < 500
                        : reply.status() == expected;
                if (!right) {
                    wrong.add(route.name() + " as " + caller.getKey() + ": " + reply.status() + " " + reply.response().body());
                }
                if (expected == 401) {
                    assertEquals("https://statstream.io/problems/unauthorized", reply.json().get("type").asText());
                    assertEquals("application/problem+json", reply.header("Content-Type"));
                    assertEquals(true, reply.header("WWW-Authenticate").startsWith("Bearer"), route.name());
                } else if (expected == 403) {
                    assertEquals("https://statstream.io/problems/forbidden", reply.json().get("type").asText());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** 0 when the call is allowed, else its refusal. */
    private static int expected(Route route, String caller) {
        if (route.needs() == null) {
            return 0;
        }
        return switch (caller) {
            case "none", "unknown" -> 401;
            case "admin" -> 0;
            case "submit" -> route.needs().equals("admin") ? 403 : 0;
            case "read" -> route.needs().equals("read") ? 0 : 403;
            default -> throw new IllegalArgumentException(caller);
        };
    }

    private static ApiClient.Reply call(ApiClient client, Route route) {
        return route.method().equals("GET") ? client.get(route.path()) : client.post(route.path(), route.contentType(), route.body());
    }
}
