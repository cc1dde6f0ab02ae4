package io.balance.gateway;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Size limits (413), streaming of large imports, rate limits (429). */
@QuarkusTest
class LimitsTest {
    /**
     * HTTP/1.1, where a body without Content-Length is chunked (the JDK client would otherwise try an h2c upgrade
     * first, whose interplay with a refused half-sent body is the client's, not the gateway's); every request is
     * bounded, so a stuck exchange fails the test instead of hanging the build.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL base;

    @Test
    void declaredOversizedBodyIs413BeforeAnythingIsRead() {
        byte[] body = new byte[70 * 1024]; // %test limit for JSON bodies: 64 KiB
        Api.as(Api.mint("limits", "COUNTY_ADMIN", "410329")).contentType("application/json").body(body)
                .put("/api/v1/schools/4103290001/reports/2025")
                .then().statusCode(413).contentType("application/problem+json").body("status", is(413));
    }

    @Test
    void chunkedOversizedBodyIs413() throws Exception {
        byte[] body = new byte[300 * 1024];
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/schools/4103290001/reports/2025"))
                .header("Authorization", "Bearer " + Api.mint("limits", "COUNTY_ADMIN", "410329"))
                .header("X-Forwarded-For", Api.freshAddress())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void largeImportStreamsThroughIntact() throws Exception {
        byte[] csv = new byte[3 * 1024 * 1024]; // under the %test import limit of 4 MiB, far over the JSON limit
        new Random(7).nextBytes(csv);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
        // chunked (no Content-Length): the gateway cannot know the size in advance and must stream
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/counties/410329/reports/2025/import"))
                .header("Authorization", "Bearer " + Api.mint("importer", "COUNTY_ADMIN", "410329"))
                .header("X-Forwarded-For", Api.freshAddress())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(csv)))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject echo = new JsonObject(response.body());
        assertEquals(csv.length, echo.getLong("bodyLength"), response.body());
        assertEquals(sha, echo.getString("bodySha256"));
        assertEquals("chunked", echo.getJsonObject("headers").getString("transfer-encoding"));
    }

    @Test
    void callersAreRateLimitedPerIdentityWithRetryAfter() {
        String token = Api.mint("busy-integrator", "INTEGRATION", "410000");
        int limitedAt = -1;
        io.restassured.response.Response limited = null;
        for (int i = 0; i < 450 && limitedAt < 0; i++) { // %test: 300 a minute (refilling meanwhile)
            io.restassured.response.Response response = Api.as(token).get("/api/v1/schools");
            if (response.statusCode() == 429) {
                limitedAt = i;
                limited = response;
            }
        }
        assertTrue(limitedAt >= 300, "limited after the allowance, not before: " + limitedAt);
        limited.then().contentType("application/problem+json").header("Retry-After", notNullValue());
        // someone else is not affected
        Api.as(Api.mint("calm-viewer", "VIEWER", "410000")).get("/api/v1/schools").then().statusCode(200);
    }

    @Test
    void publicEndpointsAreRateLimitedPerAddress() {
        String address = Api.freshAddress();
        int limitedAt = -1;
        for (int i = 0; i < 70 && limitedAt < 0; i++) { // %test: 60 a minute
            if (Api.from(address).get("/api/v1/public/questionnaires/CODE" + i).statusCode() == 429) {
                limitedAt = i;
            }
        }
        assertTrue(limitedAt >= 60, "limited after the allowance: " + limitedAt);
        // /s/ shares the address's bucket (one token refills per second, so allow for one refill in between)
        io.restassured.response.Response page = Api.from(address).get("/s/CODE");
        if (page.statusCode() != 429) {
            page = Api.from(address).get("/s/CODE");
        }
        page.then().statusCode(429).header("Retry-After", notNullValue());
        Api.anonymous().get("/s/CODE").then().statusCode(200);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }
}
