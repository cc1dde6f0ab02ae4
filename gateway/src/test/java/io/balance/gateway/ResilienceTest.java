package io.balance.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
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
            for (int i = 0; i < 8; i++) {
                long start = System.nanoTime();
                Api.as(token).get("/api/v1/rule-sets").then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("detail", containsString("indicator"));
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 1000, "503 took " + ms + " ms");
            }
            // other services are unaffected
            Api.as(token).get("/api/v1/schools").then().statusCode(200);
        } finally {
            FakeServices.startServer("indicator");
        }
        // after the open period (%test 2 s) a probe goes through and the circuit closes
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                Api.as(token).get("/api/v1/rule-sets").then().statusCode(200).body("service", is("indicator")));
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
