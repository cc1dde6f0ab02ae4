package io.balance.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.balance.contracts.Role;
import io.balance.infra.JwtKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens through the gateway: issue, claims, use downstream, expiry, forgery, client credentials, sign-in throttling. */
@ExtendWith(SystemStack.class)
@Order(2)
class TokenFlowTest {
    @Test
    void issuedTokenCarriesTheClaimsAndEveryServiceAcceptsIt() {
        World.Side a = SystemStack.world().a;
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("username", a.users.get(Role.COUNTY_ADMIN), "password", World.PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("tokenType", is("Bearer")).body("expiresIn", is(3600))
                .extract().jsonPath();
        String token = answer.getString("accessToken");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("https://balance.local/gateway", claims.getString("iss"));
        assertEquals(a.users.get(Role.COUNTY_ADMIN), claims.getString("upn"));
        assertEquals(List.of("COUNTY_ADMIN"), claims.getList("groups"));
        assertEquals(a.county, claims.getString("jurisdiction"));
        assertEquals(3600L, claims.getLong("exp") - claims.getLong("iat"));

        // through the gateway to each service, and straight to a service (each verifies the token itself)
        World.as(token).get("/api/v1/schools?countyCode=" + a.county).then().statusCode(200).body("total", is(2));
        World.as(token).get("/api/v1/rule-sets").then().statusCode(200);
        World.as(token).get("/api/v1/surveys?countyCode=" + a.county).then().statusCode(200);
        given().baseUri(SystemStack.stack().service("school-service").url()).port(-1)
                .header("Authorization", "Bearer " + token)
                .get("/api/v1/schools/" + a.school0()).then().statusCode(200).body("countyCode", is(a.county));
    }

    @Test
    void missingExpiredAndForgedTokensAreRefusedAtTheGatewayAndAtTheService() throws Exception {
        given().get("/api/v1/schools").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
        String expired = SystemStack.stack().keys().mint("late", "SYSTEM_ADMIN", null, Duration.ofMinutes(-10));
        World.as(expired).get("/api/v1/schools").then().statusCode(401).contentType("application/problem+json");
        JwtKeys foreign = JwtKeys.inDirectory(Files.createTempDirectory("foreign-keys"));
        String forged = foreign.mint("mallory", "SYSTEM_ADMIN", null);
        World.as(forged).get("/api/v1/schools").then().statusCode(401);
        given().baseUri(SystemStack.stack().service("school-service").url()).port(-1)
                .header("Authorization", "Bearer " + forged)
                .get("/api/v1/schools").then().statusCode(401);
        given().baseUri(SystemStack.stack().service("indicator-service").url()).port(-1)
                .header("Authorization", "Bearer " + expired)
                .get("/api/v1/rule-sets").then().statusCode(401);
    }

    @Test
    void provinceSystemSignsInWithItsClientCredentials() {
        World.Side b = SystemStack.world().b;
        String clientId = b.users.get(Role.INTEGRATION);
        given().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "clientSecret", "wrong-secret"))
                .post("/api/v1/auth/token").then().statusCode(401).contentType("application/problem+json");
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "clientSecret", b.clientSecret))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        // read-only over its province
        World.as(token).get("/api/v1/counties/" + b.county + "/evaluations/" + World.YEAR + "?ruleSet=QUALITY_2017")
                .then().statusCode(200).body("countyCode", is(b.county));
        World.as(token).contentType(ContentType.JSON).body(World.school(b.county, "x"))
                .put("/api/v1/schools/" + b.school0()).then().statusCode(403);
        // a client's id is not a person's username
        given().contentType(ContentType.JSON).body(Map.of("username", clientId, "password", b.clientSecret))
                .post("/api/v1/auth/token").then().statusCode(401);
    }

    @Test
    void repeatedWrongPasswordsThrottleTheAccountWithGrowingDelays() {
        World world = SystemStack.world();
        String name = "lockout-" + System.nanoTime() % 100000;
        World.as(world.adminToken).contentType(ContentType.JSON).body(Map.of("username", name,
                        "password", World.PASSWORD, "role", "VIEWER", "jurisdiction", world.a.county))
                .post("/api/v1/users").then().statusCode(201);
        for (int i = 0; i < 4; i++) { // 3 free failures; the 4th blocks the name for 1 s, then 2 s, 4 s …
            given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "wrong password " + i))
                    .post("/api/v1/auth/token").then().statusCode(401);
        }
        // throttled: even the right password is refused (no bcrypt spent), with a hint when to retry
        String retryAfter = given().contentType(ContentType.JSON).body(Map.of("username", name, "password", World.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(429).contentType("application/problem+json")
                .extract().header("Retry-After");
        assertNotNull(retryAfter);
        assertFalse(Long.parseLong(retryAfter) <= 0);
        // the first delay: 1 s
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().contentType(ContentType.JSON).body(Map.of("username", name, "password", World.PASSWORD))
                        .post("/api/v1/auth/token").statusCode() == 200);
        // the throttling concerned that account only
        World.signIn(world.a.users.get(Role.VIEWER), World.PASSWORD);
    }

    @Test
    void badSignInInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"username\": \"admin\"}")
                .post("/api/v1/auth/token").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON).body("{\"username\": ")
                .post("/api/v1/auth/token").then().statusCode(400).contentType("application/problem+json");
    }
}
