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
    void tokensCarryTheAudienceAndOnesForAnotherAudienceAreRefused() throws Exception {
        assertEquals(io.balance.contracts.TokenClaims.AUDIENCE, claims(Api.adminToken()).getString("aud"));
        java.security.PrivateKey key = io.smallrye.jwt.util.KeyUtils.decodePrivateKey(java.nio.file.Files.readString(
                EmbeddedInfra.keys().privateKeyFile()));
        String foreign = io.smallrye.jwt.build.Jwt.issuer(io.balance.contracts.TokenClaims.ISSUER)
                .audience("https://elsewhere.example/api").upn("stranger").groups("SYSTEM_ADMIN")
                .expiresIn(600).sign(key);
        String noAudience = io.smallrye.jwt.build.Jwt.issuer(io.balance.contracts.TokenClaims.ISSUER)
                .upn("stranger").groups("SYSTEM_ADMIN").expiresIn(600).sign(key);
        Api.as(foreign).get("/api/v1/users").then().statusCode(401);
        Api.as(noAudience).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void failedSignInsAreThrottledWithGrowingDelaysAndAnAdministratorCanUnlock() throws Exception {
        String admin = Api.adminToken();
        Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "locky", "password", "correct-horse-1", "role", "PROVINCE_ADMIN",
                        "jurisdiction", "410000"))
                .post("/api/v1/users").then().statusCode(201);
        // each attempt from another address: the account's own count (3 free failures, then 1 s, 2 s, 4 s …)
        for (int i = 0; i < 4; i++) {
            Api.anonymous().contentType(ContentType.JSON)
                    .body(Map.of("username", "locky", "password", "wrong-" + i))
                    .post("/api/v1/auth/token")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", is("unknown username or wrong password"));
        }
        long first = retryAfter("locky", "correct-horse-1"); // blocked: even the right password, no bcrypt spent
        Thread.sleep(first * 1000 + 200);
        Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", "locky", "password", "wrong-5"))
                .post("/api/v1/auth/token").then().statusCode(401);
        long second = retryAfter("locky", "correct-horse-1");
        assertTrue(second > first, "the delay grows: " + first + " then " + second);

        // an unknown name is throttled exactly alike: the 429 tells nothing about which names exist
        for (int i = 0; i < 4; i++) {
            Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", "no-such-person", "password", "x" + i))
                    .post("/api/v1/auth/token").then().statusCode(401).body("detail", is("unknown username or wrong password"));
        }
        assertTrue(retryAfter("no-such-person", "x") >= 1);

        // the province's administrator may not unlock what it cannot see; the system administrator can
        Api.as(Api.mint("other-province", "PROVINCE_ADMIN", "420000")).post("/api/v1/users/locky/unlock")
                .then().statusCode(404);
        Api.as(admin).post("/api/v1/users/locky/unlock").then().statusCode(204);
        String jwt = Api.signIn("locky", "correct-horse-1");
        assertEquals("410000", claims(jwt).getString("jurisdiction"));
        assertEquals("PROVINCE_ADMIN", claims(jwt).getJsonArray("groups").getString(0));
    }

    @Test
    void oneSourceAddressIsThrottledAcrossAccounts() {
        String address = Api.freshAddress();
        for (int i = 0; i < 11; i++) { // 10 free failures per source; the 11th starts the delays
            Api.from(address).contentType(ContentType.JSON).body(Map.of("username", "spray-" + i, "password", "Winter2025"))
                    .post("/api/v1/auth/token").then().statusCode(401);
        }
        Api.from(address).contentType(ContentType.JSON).body(Map.of("username", "spray-next", "password", "Winter2025"))
                .post("/api/v1/auth/token").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the accounts themselves are not blocked for others
        Api.signIn("admin", "admin");
    }

    private static long retryAfter(String username, String password) {
        String header = Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then().statusCode(429).contentType("application/problem+json")
                .extract().header("Retry-After");
        return Long.parseLong(header);
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
        // a name no account can have never reaches the throttle or the audit trail (a NUL byte, 65+ characters)
        for (String name : new String[] {"ad\u0000min", "a".repeat(65), "\u202Eadmin"}) {
            Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", name, "password", "x"))
                    .post("/api/v1/auth/token")
                    .then().statusCode(400).body("errors.field", hasItem("username"));
        }
        Api.as(Api.mint("token-root", "SYSTEM_ADMIN", null)).queryParam("actor", "a\u0000b")
                .get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("actor"));
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
