package io.balance.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint and the early token check. */
@QuarkusTest
class TokenTest {
    static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static JsonObject header(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    @Test
    void adminSignsInAndGetsAnRs256TokenInTheContractShape() {
        var response = Api.anonymous().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "admin"))
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", is("Bearer"))
                .body("expiresIn", is(3600))
                .extract();
        String jwt = response.path("accessToken");
        assertEquals("RS256", header(jwt).getString("alg"));
        JsonObject claims = claims(jwt);
        assertEquals("https://balance.local/gateway", claims.getString("iss"));
        assertEquals("admin", claims.getString("upn"));
        assertEquals("SYSTEM_ADMIN", claims.getJsonArray("groups").getString(0));
        assertEquals(1, claims.getJsonArray("groups").size());
        assertFalse(claims.containsKey("jurisdiction"), "SYSTEM_ADMIN carries no jurisdiction");
        assertEquals(3600, claims.getLong("exp") - claims.getLong("iat"));
        // and the token works through the gateway
        Api.as(jwt).get("/api/v1/schools").then().statusCode(200).body("service", is("school"));
    }

    @Test
    void missingGarbageExpiredOrForeignTokensGet401Problems() {
        Api.anonymous().get("/api/v1/schools").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401));
        Api.as("not-a-jwt").get("/api/v1/schools").then().statusCode(401).contentType("application/problem+json");
        String expired = EmbeddedInfra.keys().mint("old", "SYSTEM_ADMIN", null, Duration.ofSeconds(-60));
        Api.as(expired).get("/api/v1/schools").then().statusCode(401)
                .body("detail", containsString("invalid or expired"));
        // signed with a key the gateway does not trust
        String foreign = io.balance.infra.JwtKeys.inDirectory(tempDir()).mint("mallory", "SYSTEM_ADMIN", null);
        Api.as(foreign).get("/api/v1/schools").then().statusCode(401);
        // the gateway's own endpoints too
        Api.as(expired).get("/api/v1/users").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongPasswordIs401AndRepeatedFailuresLockTheAccountForAWhile() throws Exception {
        String admin = Api.adminToken();
        Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "locky", "password", "correct-horse-1", "role", "PROVINCE_ADMIN",
                        "jurisdiction", "410000"))
                .post("/api/v1/users").then().statusCode(201);
        String address = Api.freshAddress();
        for (int i = 0; i < 5; i++) {
            Api.from(address).contentType(ContentType.JSON)
                    .body(Map.of("username", "locky", "password", "wrong-" + i))
                    .post("/api/v1/auth/token")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", is("unknown username or wrong password"));
        }
        // locked: even the right password is refused, with a hint when to come back
        Api.from(address).contentType(ContentType.JSON)
                .body(Map.of("username", "locky", "password", "correct-horse-1"))
                .post("/api/v1/auth/token")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType("application/problem+json");
        Thread.sleep(3500); // %test lockout is 3 s
        String jwt = Api.signIn("locky", "correct-horse-1");
        assertEquals("410000", claims(jwt).getString("jurisdiction"));
        assertEquals("PROVINCE_ADMIN", claims(jwt).getJsonArray("groups").getString(0));
    }

    @Test
    void unknownUserLooksLikeAWrongPassword() {
        Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", "nobody", "password", "whatever"))
                .post("/api/v1/auth/token")
                .then().statusCode(401).body("detail", is("unknown username or wrong password"));
    }

    @Test
    void malformedTokenRequestsAre400NamingTheField() {
        Api.anonymous().contentType(ContentType.JSON).body("{\"username\": \"admin\"")
                .post("/api/v1/auth/token")
                .then().statusCode(400).contentType("application/problem+json");
        Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", "admin"))
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("errors.field", hasItem("password"));
        Api.anonymous().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        Api.anonymous().contentType(ContentType.JSON).body("{\"username\": 5, \"password\": [1]}")
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void tokenEndpointIsRateLimitedPerAddress() {
        String address = Api.freshAddress();
        int limited = 0;
        // %test: 30 a minute; an incomplete body (a fast 400, no bcrypt) counts like any attempt, so the loop
        // outpaces the refill (one every 2 s) even on a loaded machine
        for (int i = 0; i < 60 && limited == 0; i++) {
            int status = Api.from(address).contentType(ContentType.JSON)
                    .body(Map.of("username", "nobody-" + i))
                    .post("/api/v1/auth/token").statusCode();
            if (status == 429) {
                limited = i;
            }
        }
        assertTrue(limited >= 30, "throttled after the per-address allowance, not before: " + limited);
        // another address is not affected
        Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", "nobody", "password", "x"))
                .post("/api/v1/auth/token").then().statusCode(401);
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("foreign-keys");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clientCredentialsGiveAnIntegrationToken() {
        String admin = Api.adminToken();
        String secret = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", "henan-edu-system", "role", "INTEGRATION", "jurisdiction", "410000"))
                .post("/api/v1/clients")
                .then().statusCode(201).body("clientSecret", org.hamcrest.Matchers.notNullValue())
                .extract().path("clientSecret");
        String jwt = Api.anonymous().contentType(ContentType.JSON)
                .body(Map.of("clientId", "henan-edu-system", "clientSecret", secret))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        assertEquals("INTEGRATION", claims(jwt).getJsonArray("groups").getString(0));
        assertEquals("410000", claims(jwt).getString("jurisdiction"));
        // a client id is not a username and vice versa
        Api.anonymous().contentType(ContentType.JSON)
                .body(Map.of("username", "henan-edu-system", "password", secret))
                .post("/api/v1/auth/token").then().statusCode(401);
        // the secret is shown once: listing accounts never includes it
        String listing = Api.as(admin).get("/api/v1/users").then().statusCode(200).extract().asString();
        assertFalse(listing.contains(secret));
        assertNull(new io.vertx.core.json.JsonArray(listing).stream()
                .map(o -> (JsonObject) o).filter(o -> o.containsKey("clientSecret")).findAny().orElse(null));
    }
}
