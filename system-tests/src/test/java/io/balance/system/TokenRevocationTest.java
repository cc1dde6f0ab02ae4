package io.balance.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revocation reaches every service, not only the gateway: a token revoked by a password change, an administrator's
 * reset or disabling its account is refused within seconds when used straight at a service's own port (school-service,
 * supervision-service), through gateway.revocations.v1; a token signed in afterwards works there.
 */
@ExtendWith(SystemStack.class)
@Order(8)
class TokenRevocationTest {
    static final String NEW_PASSWORD = "purple otter lantern 42";
    /**
     * "Within a few seconds": the outbox relay is woken at commit and every service follows the topic (about a
     * second). The bound leaves room for the shared test machine: the first 401 of a service loads its classes on
     * the event loop (2.4 s seen once), and each poll here asks two services.
     */
    static final Duration WITHIN = Duration.ofSeconds(10);

    static RequestSpecification direct(String module, String token) {
        return given().baseUri(SystemStack.stack().service(module).url()).port(-1)
                .header("Authorization", "Bearer " + token);
    }

    static int school(World.Side side, String token) {
        return direct("school-service", token).get("/api/v1/schools/" + side.school0()).statusCode();
    }

    static int supervision(World.Side side, String token) {
        return direct("supervision-service", token).get("/api/v1/counties/" + side.county + "/departments").statusCode();
    }

    /** Waits until both services refuse the token; fails when that takes longer than {@link #WITHIN}. */
    static void refusedDirectly(World.Side side, String token, String after) {
        long start = System.nanoTime();
        Awaitility.await(after + ": refused at school-service and supervision-service").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> school(side, token) == 401 && supervision(side, token) == 401);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("TokenRevocationTest: " + after + ": refused at both services after " + millis + " ms");
        assertTrue(millis <= WITHIN.toMillis(), after + ": refused only after " + millis + " ms");
        direct("school-service", token).get("/api/v1/schools/" + side.school0()).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://balance.local/problems/token-revoked"));
    }

    static String createViewer(World.Side side, String name) {
        World.as(side.tokens.get(Role.COUNTY_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", World.PASSWORD, "role", "VIEWER", "jurisdiction", side.county))
                .post("/api/v1/users").then().statusCode(201);
        String token = World.signIn(name, World.PASSWORD);
        assertTrue(school(side, token) == 200 && supervision(side, token) == 200, "a fresh token works directly");
        return token;
    }

    @Test
    void aPasswordChangeAndAResetRevokeEarlierTokensAtEveryServiceWhileNewOnesWork() {
        World.Side a = SystemStack.world().a;
        String name = "rev-viewer-" + a.county;
        String old = createViewer(a, name);

        World.as(old).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", World.PASSWORD, "newPassword", NEW_PASSWORD))
                .put("/api/v1/users/" + name + "/password").then().statusCode(204);
        refusedDirectly(a, old, "password changed");
        String fresh = World.signIn(name, NEW_PASSWORD);
        Awaitility.await().atMost(WITHIN).until(() -> school(a, fresh) == 200 && supervision(a, fresh) == 200);
        World.as(fresh).get("/api/v1/schools/" + a.school0()).then().statusCode(200);

        String temporary = World.as(a.tokens.get(Role.COUNTY_ADMIN)).post("/api/v1/users/" + name + "/password-reset")
                .then().statusCode(200).extract().path("temporaryPassword");
        refusedDirectly(a, fresh, "password reset");
        String chosen = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", temporary, "newPassword", NEW_PASSWORD + " again"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        Awaitility.await().atMost(WITHIN).until(() -> school(a, chosen) == 200 && supervision(a, chosen) == 200);
    }

    @Test
    void disablingAnAccountRevokesItsTokensAtEveryServiceAndOthersAreUntouched() {
        World.Side b = SystemStack.world().b;
        String name = "rev-disabled-" + b.county;
        String token = createViewer(b, name);
        String bystander = b.tokens.get(Role.VIEWER);

        World.as(b.tokens.get(Role.COUNTY_ADMIN)).post("/api/v1/users/" + name + "/disable").then().statusCode(204);
        refusedDirectly(b, token, "account disabled");
        World.as(token).get("/api/v1/schools/" + b.school0()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", World.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(401);
        // another account of the same county keeps working at the services
        assertTrue(school(b, bystander) == 200 && supervision(b, bystander) == 200, "others' tokens stay valid");
    }
}
