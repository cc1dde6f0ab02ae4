package io.balance.infra;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the gateway answers for a service that is down or whose circuit is open, asserted the same way at the
 * gateway (a fake service stopped) and on the whole stack (a real one stopped): a 503 problem naming the service,
 * with {@code Retry-After}, at once rather than after a connect timeout.
 */
public final class ServiceDown {
    private ServiceDown() {
    }

    /** Calls {@code times} times; each answer must be that 503 and arrive within {@code limit}. */
    public static void assertFast503(Supplier<Response> call, String service, int times, Duration limit) {
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.get().then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("detail", containsString(service));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < limit.toMillis(), "call " + (i + 1) + ": 503 took " + ms + " ms (limit " + limit + ")");
        }
    }
}
