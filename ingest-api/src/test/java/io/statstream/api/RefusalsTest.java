package io.statstream.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the handlers answer by themselves, before anything could reach a broker (none is reachable
 * here: a request that got as far as publishing would be a 503): each refusal a problem naming
 * the field or parameter and why, and the pages that need no broker at all.
 */
@ExtendWith(VertxExtension.class)
class RefusalsTest {
    private static ApiWithoutBroker api;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        api = ApiWithoutBroker.start(vertx, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anInvalidRequestIsA400NamingTheFieldAndIsNeverPublished() throws Exception {
        var reply = api.post("/v1/analyses", "application/json", "{\"type\":\"ttest_one_sample\",\"data\":[1,\"x\",3]}");
        assertEquals(400, reply.statusCode(), reply.bodyAsString());
        assertEquals("application/problem+json", reply.getHeader("Content-Type"));
        assertEquals("data[1] wrong_type", ApiWithoutBroker.firstViolation(reply));
    }

    @Test
    void aBodyOfAnotherTypeIs415() throws Exception {
        var reply = api.post("/v1/analyses", "text/plain", "{\"type\":\"descriptive\",\"data\":[1,2,3]}");
        assertEquals(415, reply.statusCode(), reply.bodyAsString());
        assertEquals("https://statstream.io/problems/unsupported-media-type", reply.bodyAsJsonObject().getString("type"));
    }

    @Test
    void keysAreReadStrictly() throws Exception {
        var malformed = api.get("/v1/analyses/not-a-key");
        assertEquals(400, malformed.statusCode(), malformed.bodyAsString());
        assertEquals("https://statstream.io/problems/malformed-key", malformed.bodyAsJsonObject().getString("type"));
        var unknown = api.get("/v1/analyses/" + "0".repeat(64));
        assertEquals(404, unknown.statusCode(), unknown.bodyAsString());
        assertEquals("https://statstream.io/problems/not-found", unknown.bodyAsJsonObject().getString("type"));
    }

    @Test
    void anExpectationTheServerDoesNotMeetIsA417ProblemNotAnIncident() throws Exception {
        for (String path : new String[]{"/v1/analyses", "/v1/analyses/lookup"}) {
            var reply = api.client().post(path).putHeader("Content-Type", "application/json").putHeader("Expect", "something-else")
                    .sendBuffer(Buffer.buffer("{\"keys\":[]}")).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(417, reply.statusCode(), path + ": " + reply.bodyAsString());
            assertEquals("https://statstream.io/problems/expectation-failed", reply.bodyAsJsonObject().getString("type"));
        }
    }

    @Test
    void aPathNoRouteHasIsTheRoutersOwn404() throws Exception {
        var reply = api.get("/v1/nothing-here");
        assertEquals(404, reply.statusCode(), reply.bodyAsString());
        assertEquals("https://statstream.io/problems/no-route", reply.bodyAsJsonObject().getString("type"));
    }

    @Test
    void topQueriesAreBounded() throws Exception {
        var warm = api.post("/v1/analyses/warm?top=0", "application/json", "");
        assertEquals(400, warm.statusCode(), warm.bodyAsString());
        assertEquals("top must be a whole number from 1 to 10000, got \"0\"", warm.bodyAsJsonObject().getString("detail"));
        var hot = api.get("/v1/analyses/hot?top=" + (HotInputsHandler.MAX_TOP + 1));
        assertEquals(400, hot.statusCode(), hot.bodyAsString());
        var hours = api.get("/v1/analyses/hot?hours=169");
        assertEquals(400, hours.statusCode(), hours.bodyAsString());
        assertEquals("hours must be a whole number from 1 to 168, got \"169\"", hours.bodyAsJsonObject().getString("detail"));
    }

    @Test
    void theContractAndTheLivenessNeedNoBroker() throws Exception {
        var contract = api.get("/openapi.json");
        assertEquals(200, contract.statusCode());
        assertEquals("3.1.0", contract.bodyAsJsonObject().getString("openapi"));
        var live = api.get("/health/live");
        assertEquals(200, live.statusCode());
        assertEquals("application/json", live.getHeader("Content-Type"));
    }
}
