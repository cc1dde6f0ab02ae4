package io.balance.gateway;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.ServiceDown;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A service that is down or hangs gives a fast 503/504 problem, never a hang; it is used again once back. */
@QuarkusTest
class ResilienceTest {
    @Test
    void downServiceGivesFast503AndTheCircuitRecovers() {
        String token = Api.mint("resilience", "SYSTEM_ADMIN", null);
        FakeServices.stopServer("indicator");
        try {
            // no hang: refused at once (the limit allows for a loaded CI machine)
            ServiceDown.assertFast503(() -> Api.as(token).get("/api/v1/rule-sets"), "indicator", 8,
                    Duration.ofMillis(2500));
            // other services are unaffected
            Api.as(token).get("/api/v1/schools").then().statusCode(200);
        } finally {
            FakeServices.startServer("indicator");
        }
        // after the open period (%test 2 s) a probe goes through and the circuit closes
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                Api.as(token).get("/api/v1/rule-sets").then().statusCode(200).body("service", is("indicator")));
    }

    /**
     * Many more callers at once than the pool has connections (%test: 8 per service): the gateway queues them, the
     * service answers every one; then every route answers 200 at once (the circuit never opened on load).
     */
    @Test
    void aLoadBurstTheServiceHandlesNeverOpensAnyCircuit() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<java.net.http.HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String token = Api.mint("burst-" + (i % 20), "SYSTEM_ADMIN", null); // 20 callers, under their rate limit
            burst.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/api/v1/rule-sets/bench?delayMs=30"))
                    .header("Authorization", "Bearer " + token).header("X-Forwarded-For", "10.9.0." + (i % 20 + 1))
                    .timeout(Duration.ofSeconds(60)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<java.net.http.HttpResponse<String>> f : burst) {
            assertEquals(200, f.get(60, TimeUnit.SECONDS).statusCode());
        }
        String token = Api.mint("after-burst", "SYSTEM_ADMIN", null);
        for (String path : List.of("/api/v1/rule-sets", "/api/v1/counties/410329/evaluations/2025", "/api/v1/schools",
                "/api/v1/jurisdictions/410000", "/api/v1/surveys/1", "/s/CODE")) {
            Api.as(token).get(path).then().statusCode(200);
        }
    }

    @Test
    void errorAnswersOfTheServiceDoNotOpenTheCircuit() {
        String token = Api.mint("resilience-500", "SYSTEM_ADMIN", null);
        for (int i = 0; i < 12; i++) {
            Api.as(token).get("/api/v1/surveys/fail").then().statusCode(500);
        }
        Api.as(token).get("/api/v1/surveys/1").then().statusCode(200);
    }

    @Test
    void hangingServiceIsCutOffAfterTheIdleTimeout() {
        String token = Api.mint("resilience-hang", "SYSTEM_ADMIN", null);
        long start = System.nanoTime();
        Api.as(token).get("/api/v1/surveys/hang").then().statusCode(504)
                .contentType("application/problem+json").body("status", is(504));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5000, "504 took " + ms + " ms"); // %test idle timeout: 2 s
        Api.as(token).get("/api/v1/surveys/1").then().statusCode(200);
    }
}
