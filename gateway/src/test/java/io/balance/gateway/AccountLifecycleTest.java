package io.balance.gateway;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.contracts.Topics;
import io.balance.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The new roles, password rules, disable / enable / delete, own password change and an administrator's reset. */
@QuarkusTest
class AccountLifecycleTest {
    static final String PASSWORD = "correct horse battery";

    @Test
    void reviewersAreCreatedByTheProvinceOverACityOrProvince() {
        String province = Api.mint("henan-admin-r", "PROVINCE_ADMIN", "410000");
        create(province, "reviewer-city", "REVIEWER", "410300", null).then().statusCode(201).body("role", is("REVIEWER"));
        create(province, "reviewer-prov", "REVIEWER", "410000", null).then().statusCode(201);
        create(province, "reviewer-county", "REVIEWER", "410329", null).then().statusCode(400)
                .body("errors.field", hasItem("jurisdiction"));
        create(Api.mint("county-admin-r", "COUNTY_ADMIN", "410329"), "reviewer-by-county", "REVIEWER", "410300", null)
                .then().statusCode(403);
        create(province, "reviewer-hubei", "REVIEWER", "420100", null).then().statusCode(403);
        assertEquals("REVIEWER", claims(Api.signIn("reviewer-city", PASSWORD)).getJsonArray("groups").getString(0));
    }

    @Test
    void departmentsNeedTheirCodeAndCarryItInTheToken() {
        String county = Api.mint("county-admin-d", "COUNTY_ADMIN", "410329");
        create(county, "dept-finance", "DEPARTMENT", "410329", "FINANCE").then().statusCode(201)
                .body("department", is("FINANCE"));
        create(county, "dept-none", "DEPARTMENT", "410329", null).then().statusCode(400)
                .body("errors.field", hasItem("department"));
        create(county, "viewer-dept", "VIEWER", "410329", "FINANCE").then().statusCode(400)
                .body("errors.field", hasItem("department"));
        create(county, "dept-other", "DEPARTMENT", "410328", "EDU").then().statusCode(403);
        JsonObject claims = claims(Api.signIn("dept-finance", PASSWORD));
        assertEquals("FINANCE", claims.getString("department"));
        assertEquals("410329", claims.getString("jurisdiction"));
    }

    @Test
    void commonPasswordsAndTheUserNameAreRefused() {
        String county = Api.mint("county-admin-p", "COUNTY_ADMIN", "410329");
        for (String weak : new String[] {"password123", "Qwertyuiop", "woaini1314", "1234567890", "x-weakling-x-1"}) {
            Api.as(county).contentType(ContentType.JSON)
                    .body(Map.of("username", "weakling", "password", weak, "role", "VIEWER", "jurisdiction", "410329"))
                    .post("/api/v1/users").then().statusCode(400).body("errors.field", hasItem("password"));
        }
    }

    @Test
    void disabledAndDeletedAccountsCannotSignInAndAnswerLikeAWrongPassword() {
        String county = Api.mint("county-admin-l", "COUNTY_ADMIN", "410329");
        create(county, "life-viewer", "VIEWER", "410329", null).then().statusCode(201);
        Api.signIn("life-viewer", PASSWORD);
        Api.as(county).post("/api/v1/users/life-viewer/disable").then().statusCode(204);
        signIn("life-viewer", PASSWORD).then().statusCode(401).body("detail", is("unknown username or wrong password"));
        Api.as(county).get("/api/v1/users/life-viewer").then().statusCode(200).body("disabled", is(true));
        Api.as(county).post("/api/v1/users/life-viewer/enable").then().statusCode(204);
        Api.signIn("life-viewer", PASSWORD);
        // another province's administrator does not know it exists; an equal role may not touch it
        Api.as(Api.mint("hubei-admin-l", "PROVINCE_ADMIN", "420000")).post("/api/v1/users/life-viewer/disable")
                .then().statusCode(404);
        create(county, "life-peer", "COUNTY_ADMIN", "410329", null).then().statusCode(403);
        Api.as(county).delete("/api/v1/users/life-viewer").then().statusCode(204);
        Api.as(county).get("/api/v1/users/life-viewer").then().statusCode(404);
        signIn("life-viewer", PASSWORD).then().statusCode(401).body("detail", is("unknown username or wrong password"));
    }

    @Test
    void holdersChangeTheirOwnPasswordOnly() {
        String county = Api.mint("county-admin-c", "COUNTY_ADMIN", "410329");
        create(county, "changer", "VIEWER", "410329", null).then().statusCode(201);
        String token = Api.signIn("changer", PASSWORD);
        change(token, "changer", "not the password", "a brand new secret").then().statusCode(400)
                .body("errors.field", hasItem("currentPassword"));
        change(token, "changer", PASSWORD, "password1234").then().statusCode(400).body("errors.field", hasItem("newPassword"));
        change(county, "changer", PASSWORD, "a brand new secret").then().statusCode(403);
        change(token, "changer", PASSWORD, "a brand new secret").then().statusCode(204);
        signIn("changer", PASSWORD).then().statusCode(401);
        Api.signIn("changer", "a brand new secret");
    }

    @Test
    void anAdministratorsResetForcesAChangeAtTheNextSignIn() {
        String county = Api.mint("county-admin-x", "COUNTY_ADMIN", "410329");
        create(county, "forgetful", "SCHOOL_REPORTER", "4103290001", null).then().statusCode(201);
        String temporary = Api.as(county).post("/api/v1/users/forgetful/password-reset").then().statusCode(200)
                .header("Cache-Control", "no-store").body("mustChangePassword", is(true))
                .extract().path("temporaryPassword");
        signIn("forgetful", PASSWORD).then().statusCode(401);
        signIn("forgetful", temporary).then().statusCode(403)
                .body("type", is("https://balance.local/problems/password-change-required"));
        Map<String, String> withNew = new HashMap<>(Map.of("username", "forgetful", "password", temporary,
                "newPassword", "password123"));
        Api.anonymous().contentType(ContentType.JSON).body(withNew).post("/api/v1/auth/token").then().statusCode(400)
                .body("errors.field", hasItem("newPassword"));
        withNew.put("newPassword", "my own secret now");
        Api.anonymous().contentType(ContentType.JSON).body(withNew).post("/api/v1/auth/token").then().statusCode(200);
        Api.signIn("forgetful", "my own secret now");
    }

    @Test
    void revokedTokensAreRefusedAndNewSignInsWork() {
        String county = Api.mint("county-admin-v", "COUNTY_ADMIN", "410329");
        create(county, "revoked-viewer", "VIEWER", "410329", null).then().statusCode(201);
        String first = Api.signIn("revoked-viewer", PASSWORD);
        Api.as(first).get("/api/v1/users/revoked-viewer").then().statusCode(200);
        Api.as(first).post("/api/v1/users/revoked-viewer/revoke-tokens").then().statusCode(204); // sign out everywhere
        Api.as(first).get("/api/v1/users/revoked-viewer").then().statusCode(401);
        String second = Api.signIn("revoked-viewer", PASSWORD);
        Api.as(second).get("/api/v1/users/revoked-viewer").then().statusCode(200);
        Api.as(county).post("/api/v1/users/revoked-viewer/disable").then().statusCode(204);
        Api.as(second).get("/api/v1/users/revoked-viewer").then().statusCode(401);
        // nobody revokes a stranger's tokens
        Api.as(Api.mint("hubei-admin-v", "PROVINCE_ADMIN", "420000")).post("/api/v1/users/revoked-viewer/revoke-tokens")
                .then().statusCode(404);
        // both revocations reach the services as events, keyed by the name the tokens carry (upn)
        var published = TopicReader.read(Topics.TOKEN_REVOCATIONS, r -> "revoked-viewer".equals(r.key()), 2,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(2, published.size());
        assertEquals("TokenRevocationV1", TopicReader.header(published.get(1), "eventType"));
        assertEquals("gateway", TopicReader.header(published.get(1), "source"));
        JsonObject event = new JsonObject(published.get(1).value());
        assertEquals("revoked-viewer", event.getString("name"));
        assertEquals(Instant.parse(event.getString("validAfter")).toEpochMilli(), event.getLong("revision"));
        assertEquals(true, event.getLong("revision") > new JsonObject(published.get(0).value()).getLong("revision"));
    }

    @Test
    void clientSecretsRotateWithAnOverlap() {
        String province = Api.mint("henan-admin-s", "PROVINCE_ADMIN", "410000");
        String first = Api.as(province).contentType(ContentType.JSON)
                .body(Map.of("clientId", "rotating-system", "role", "INTEGRATION", "jurisdiction", "410000"))
                .post("/api/v1/clients").then().statusCode(201).extract().path("clientSecret");
        clientSignIn("rotating-system", first).then().statusCode(200);
        String second = Api.as(province).post("/api/v1/clients/rotating-system/secret").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("clientSecret");
        clientSignIn("rotating-system", first).then().statusCode(200); // the overlap: both work
        String token = clientSignIn("rotating-system", second).then().statusCode(200).extract().path("accessToken");
        Api.as(Api.mint("hubei-admin-s", "PROVINCE_ADMIN", "420000")).post("/api/v1/clients/rotating-system/secret")
                .then().statusCode(404);
        // the system rotates its own; the first secret is now two rotations old
        String third = Api.as(token).post("/api/v1/clients/rotating-system/secret").then().statusCode(200)
                .extract().path("clientSecret");
        clientSignIn("rotating-system", first).then().statusCode(401);
        clientSignIn("rotating-system", second).then().statusCode(200);
        clientSignIn("rotating-system", third).then().statusCode(200);
    }

    private static io.restassured.response.Response clientSignIn(String id, String secret) {
        return Api.anonymous().contentType(ContentType.JSON).body(Map.of("clientId", id, "clientSecret", secret))
                .post("/api/v1/auth/token");
    }

    private static io.restassured.response.Response create(String token, String name, String role, String jurisdiction,
                                                           String department) {
        Map<String, String> body = new HashMap<>(Map.of("username", name, "password", PASSWORD, "role", role,
                "jurisdiction", jurisdiction));
        if (department != null) {
            body.put("department", department);
        }
        return Api.as(token).contentType(ContentType.JSON).body(body).post("/api/v1/users");
    }

    private static io.restassured.response.Response signIn(String name, String password) {
        return Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", name, "password", password))
                .post("/api/v1/auth/token");
    }

    private static io.restassured.response.Response change(String token, String name, String current, String next) {
        RequestSpecification request = Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next));
        return request.put("/api/v1/users/" + name + "/password");
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
