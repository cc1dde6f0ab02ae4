package io.balance.kit.revocation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.TokenRevocationV1;
import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.kit.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The revocation list against the real broker: a revocation published through the outbox refuses the name's older
 * tokens within seconds, and a freshly started instance reads the whole topic before it calls itself ready.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class RevocationTest {
    @Inject
    Outbox outbox;
    @Inject
    RevocationList list;
    @Inject
    RevocationConfig config;

    /** As the gateway does it: the event written to the outbox in a transaction, the relay publishes it. */
    void revoke(List<String> names, Instant validAfter) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String name : names) {
                String eventId = Outbox.newEventId();
                outbox.add(eventId, Topics.TOKEN_REVOCATIONS, name, validAfter.toEpochMilli(), new TokenRevocationV1(
                        eventId, TokenRevocationV1.SCHEMA_VERSION, Instant.now(), name, validAfter, validAfter.toEpochMilli()));
            }
        });
    }

    static int status(String token) {
        return given().auth().oauth2(token).get("/api/probe/caller").statusCode();
    }

    @Test
    void aRevokedTokenIsRefusedWithinSecondsAndANewOneIsAccepted() {
        String name = "rev-" + UUID.randomUUID();
        String before = EmbeddedInfra.keys().mint(name, "SYSTEM_ADMIN", null);
        String other = EmbeddedInfra.keys().mint("other-" + name, "SYSTEM_ADMIN", null);
        assertEquals(200, status(before));
        // the test's tokens carry iat in whole seconds: revoke from the next second on
        Instant validAfter = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
        long start = System.nanoTime();
        revoke(List.of(name), validAfter);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> status(before) == 401);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "refused after " + millis + " ms");
        given().auth().oauth2(before).get("/api/probe/caller").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://balance.local/problems/token-revoked"))
                .body("instance", equalTo("/api/probe/caller"))
                .header("WWW-Authenticate", containsString("invalid_token"));
        assertEquals(200, status(other), "another name's tokens stay valid");
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(validAfter));
        assertEquals(200, status(EmbeddedInfra.keys().mint(name, "SYSTEM_ADMIN", null)), "a token issued after");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'token-revocations' }.status", equalTo("UP"));
    }

    @Test
    void aFreshInstanceReadsTheWholeTopicBeforeItIsReadyAndDropsWhatConcernsNoLivingToken() throws Exception {
        String prefix = "fresh-" + UUID.randomUUID() + "-";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add(prefix + i);
        }
        revoke(names, Instant.now());
        revoke(List.of(prefix + "old"), Instant.now().minus(RevocationList.RETENTION).minusSeconds(60));
        // published: the running instance holds the last one
        await().atMost(Duration.ofSeconds(20)).until(() ->
                list.check(prefix + 299, 0) == RevocationList.Verdict.REVOKED);

        RevocationReader fresh = list.newReader();
        assertFalse(fresh.caughtUp());
        fresh.start("test-fresh-revocations");
        try {
            assertTrue(fresh.awaitCaughtUp(Duration.ofSeconds(30)), "caught up");
            // the moment it says so, it holds everything the topic had when it started
            for (String name : names) {
                assertTrue(fresh.validAfter(name) != null, name);
            }
            assertNull(fresh.validAfter(prefix + "old"), "older than two token lifetimes: moot");
        } finally {
            fresh.stop();
        }
    }

    @Test
    void beforeItHasCaughtUpAnInstanceKnowsNothingAndSaysSo() {
        RevocationList starting = new RevocationList();
        starting.config = config;
        assertEquals(RevocationList.Verdict.LOADING, starting.check("anyone", System.currentTimeMillis()),
                "fail closed (the filter answers 503), never VALID");
        assertFalse(starting.caughtUp());
        assertEquals(RevocationList.Verdict.VALID, list.check("never-revoked-" + UUID.randomUUID(), 0));
    }

    /** Over HTTP: a token cannot be judged while the list loads, so it gets a 503 to retry, never a pass. */
    @Test
    void whileTheListIsLoadingARequestWithATokenIsAnswered503AndTheServiceIsNotReady() {
        String token = EmbeddedInfra.keys().mint("loading-" + UUID.randomUUID(), "SYSTEM_ADMIN", null);
        assertEquals(200, status(token));
        RevocationReader running = list.replaceReader(list.newReader()); // never started: as after a restart
        try {
            given().auth().oauth2(token).get("/api/probe/caller").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", equalTo("https://balance.local/problems/unavailable"))
                    .body("detail", containsString("revocation list is still loading"))
                    .body("instance", equalTo("/api/probe/caller"));
            // no token, nothing to judge: the request goes on to the usual 401
            given().get("/api/probe/caller").then().statusCode(401);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'token-revocations' }.status", equalTo("DOWN"));
        } finally {
            list.replaceReader(running);
        }
        assertEquals(200, status(token), "served again once the list is back");
    }

    @Test
    void anInstanceStartedWhileKafkaIsDownIsNotReadyUntilItHasReadTheList() throws Exception {
        String name = "down-" + UUID.randomUUID();
        revoke(List.of(name), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> list.check(name, 0) == RevocationList.Verdict.REVOKED);
        EmbeddedInfra.kafka().stop();
        RevocationReader fresh = list.newReader();
        try {
            fresh.start("test-down-revocations");
            assertFalse(fresh.awaitCaughtUp(Duration.ofSeconds(4)), "no broker: not caught up");
            assertNull(fresh.validAfter(name));
            // the running instance keeps the list it holds
            assertEquals(RevocationList.Verdict.REVOKED, list.check(name, 0));
        } finally {
            EmbeddedInfra.kafka().start();
        }
        try {
            assertTrue(fresh.awaitCaughtUp(Duration.ofSeconds(60)), "caught up once the broker is back");
            assertTrue(fresh.validAfter(name) != null);
        } finally {
            fresh.stop();
        }
    }
}
