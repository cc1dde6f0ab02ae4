package io.balance.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing through the real gateway to small real HTTP servers standing in for the services. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(FakeServices.class)
class RoutingTest {
    @ParameterizedTest
    @CsvSource({
            "GET,  /api/v1/jurisdictions/410000,                 school",
            "PUT,  /api/v1/jurisdictions/410329,                 school",
            "GET,  /api/v1/schools,                              school",
            "GET,  /api/v1/schools/4103290001/reports/2025,      school",
            "POST, /api/v1/schools/4103290001/reports/2025/submit, school",
            "GET,  /api/v1/schools/4103290001/indicators/2025,   indicator",
            "GET,  /api/v1/counties/410329/reports/2025/import/7, school",
            "POST, /api/v1/counties/410329/reports/2025/import,  school",
            "GET,  /api/v1/counties/410329/evaluations/2025,     indicator",
            "PUT,  /api/v1/counties/410329/findings/2025,        indicator",
            "GET,  /api/v1/rule-sets,                            indicator",
            "GET,  /api/v1/rollups/410000/2025,                  indicator",
            "POST, /api/v1/surveys,                              survey",
            "GET,  /api/v1/surveys/12/results,                   survey",
    })
    void routesEachPathToItsOwningService(String method, String path, String service) {
        String token = Api.mint("router", "SYSTEM_ADMIN", null);
        Response response = Api.as(token).contentType("application/json").body("{}")
                .request(method, path + "?ruleSet=QUALITY_2017&page=2");
        response.then().statusCode(method.equals("POST") ? 201 : 200)
                .body("service", is(service))
                .body("method", is(method))
                .body("path", is(path))
                .body("query", is("ruleSet=QUALITY_2017&page=2"))
                // the caller's token goes on: every service verifies it itself
                .body("headers.authorization", is("Bearer " + token))
                .body("headers.x-forwarded-for", containsString("10.1."))
                .body("headers.x-balance-body-limit", nullValue())
                .body("bodyLength", is(2));
        // the service's own security header is not duplicated by the gateway's
        assertEquals(1, response.headers().getValues("X-Content-Type-Options").size());
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/public/questionnaires/ABCD1234",
            "/s/ABCD1234",
    })
    void publicPathsNeedNoToken(String path) {
        Api.anonymous().get(path).then().statusCode(200).body("service", is("survey")).body("path", is(path));
    }

    @Test
    void publicResponsesArePostedWithoutToken() {
        Api.anonymous().contentType("application/json").body("{\"invitation\":\"X\",\"answers\":{}}")
                .post("/api/v1/public/responses").then().statusCode(201).body("service", is("survey"));
    }

    @Test
    void servicesSeeOnlyTheClientAddressTheGatewayResolved() {
        // from a trusted proxy (loopback in the test profile): its forwarded client, and nothing the client added
        Api.from("203.0.113.7, 10.0.0.1").header("Forwarded", "for=198.51.100.1").header("X-Real-IP", "198.51.100.2")
                .header("X-Forwarded-Host", "evil.example").get("/api/v1/public/questionnaires/ABCD1234")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", is("203.0.113.7"))
                .body("headers.forwarded", nullValue())
                .body("headers.x-real-ip", nullValue())
                .body("headers.x-forwarded-host", nullValue());
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotPassForAnotherAddress() throws Exception {
        // 127.0.0.2 is not among the trusted proxies: its own X-Forwarded-For is ignored and replaced by its address
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.2"));
            JsonObject echo = client.request(HttpMethod.GET, RestAssured.port, "127.0.0.1", "/api/v1/public/questionnaires/ABCD1234")
                    .compose(request -> request.putHeader("X-Forwarded-For", "198.51.100.9").send())
                    .compose(response -> response.body().map(Buffer::toJsonObject))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("127.0.0.2", echo.getJsonObject("headers").getString("x-forwarded-for"), echo.encodePrettily());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void unknownApiPathIs404Problem() {
        Api.as(Api.mint("router", "SYSTEM_ADMIN", null)).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404)).body("instance", is("/api/v1/nothing-here"));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/public/../schools/4103290001",
            "/api/v1/schools/%2e%2e/users",
    })
    void ambiguousPathsAreRejected(String path) {
        Api.as(Api.mint("router", "SYSTEM_ADMIN", null)).urlEncodingEnabled(false).get(path)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Api.anonymous().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", is("DENY"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Referrer-Policy", is("no-referrer"))
                .body(containsString("县域义务教育均衡发展督导评估平台"))
                .body(containsString("/swagger-ui/"));
        Api.anonymous().get("/ui/api.js").then().statusCode(200).body(containsString("/api/v1/auth/token"));
        Api.anonymous().get("/s/CODE").then().statusCode(200)
                .header("X-Frame-Options", is("DENY"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void corsPreflightFromConfiguredOriginOnly() {
        Api.anonymous().header("Origin", "https://portal.example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/schools")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://portal.example.org"));
        Api.anonymous().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/schools")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    /** The management interface's actual port (a free one in tests: quarkus.management.test-port=0). */
    static String management(String path) {
        String port = System.getProperty("quarkus.management.test-port");
        if (port == null || port.equals("0")) {
            port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", String.class);
        }
        return "http://localhost:" + port + path;
    }

    @Test
    void healthIsOnTheManagementPort() {
        RestAssured.given().get(management("/q/health/ready")).then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void metricsLabelRoutesByTemplateNeverByRawPath() {
        Api.anonymous().get("/s/SECRETCODE42").then().statusCode(200);
        Api.as(Api.mint("metrics", "SYSTEM_ADMIN", null)).get("/api/v1/schools/4103290001/indicators/2025")
                .then().statusCode(200);
        String scraped = RestAssured.given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        java.util.List<String> raw = scraped.lines().filter(l -> l.contains("SECRETCODE42") || l.contains("4103290001")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), raw, "raw paths in the metrics");
        org.junit.jupiter.api.Assertions.assertTrue(scraped.contains("uri=\"/s/{code}\""), "no route template");
    }
}
