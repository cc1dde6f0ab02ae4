package io.balance.kit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.TopicReader;
import io.balance.infra.TopicWriter;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.kit.consumer.Inbox;
import io.balance.kit.outbox.OutboxRelay;
import io.balance.kit.probe.ProbeHandler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The outbox, relay and idempotent consumer against the real embedded PostgreSQL and Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class OutboxAndConsumerTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Inbox inbox;
    @Inject
    OutboxRelay relay;

    static String publish(String code, long revision, boolean fail) {
        var r = ProblemAndCallerTest.admin().post("/api/probe/events/" + code + "?revision=" + revision + "&fail=" + fail);
        r.then().statusCode(fail ? 409 : 200);
        return fail ? null : r.jsonPath().getString("eventId");
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anEventIsPublishedWithItsHeadersSoonAfterCommitAndNotAtAllAfterARollback() throws Exception {
        String eventId = publish("A1", 1, false);
        publish("A2", 1, true);
        List<ConsumerRecord<String, String>> seen = TopicReader.readKey(ProbeHandler.TOPIC, "A1", Duration.ofSeconds(30));
        assertFalse(seen.isEmpty(), "no event for A1");
        ConsumerRecord<String, String> r = seen.get(0);
        assertEquals(eventId, TopicReader.header(r, "eventId"));
        assertEquals("Event", TopicReader.header(r, "eventType"));
        assertEquals("1", TopicReader.header(r, "revision"));
        assertEquals("kit-probe", TopicReader.header(r, "source"));
        assertEquals(0, scalar("select count(*) from probe_change where code = 'A2'"), "rolled back");
        assertEquals(0, scalar("select count(*) from outbox_event where message_key = 'A2'"), "no event either");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                scalar("select count(*) from outbox_event where message_key = 'A1' and sent_at is not null") == 1);
        // woken after commit: well before the 5 s sweep configured for this test
        assertTrue(scalar("select extract(epoch from sent_at - created_at) * 1000 from outbox_event"
                + " where message_key = 'A1'") < 3000, "published soon after commit");
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theConsumerAppliesEachEventOnceNewestRevisionWinsAndAReplayRebuildsTheSameState() throws Exception {
        publish("B1", 1, false);
        publish("B1", 3, false);
        publish("B1", 2, false); // arrives late: older than what is held, ignored
        publish("B2", 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                scalar("select count(*) from probe_item where code in ('B1', 'B2')") == 2
                        && scalar("select count(*) from processed_event where topic = 'kit.probe.v1'") >= 4);
        assertEquals(3, scalar("select revision from probe_item where code = 'B1'"));

        RestAssured.given().auth().oauth2(EmbeddedInfra.keys().mint("a", "SYSTEM_ADMIN", null))
                .post("/api/probe/replay").then().statusCode(200).body("[0].summary", org.hamcrest.Matchers.equalTo("probe rebuilt"));
        assertEquals(3, scalar("select revision from probe_item where code = 'B1'"));
        assertEquals(1, scalar("select revision from probe_item where code = 'B2'"));
    }

    /**
     * Nothing blocks a partition for good and nothing is dropped: an event that fails every time (after
     * park-after-attempts, %test 2, tries of its batch) and an unreadable record are parked with their payload
     * and reason, the events around them are applied, readiness shows the count and stays UP.
     */
    @Test
    void anEventThatCannotBeAppliedIsParkedAndTheEventsAroundItAreApplied() throws Exception {
        String poison = "POISON-" + UUID.randomUUID().toString().substring(0, 8);
        publish("P1", 1, false);
        publish(poison, 1, false);
        publish("P2", 1, false);
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(ProbeHandler.TOPIC, "P3", "{not json");
        }
        publish("P4", 1, false);
        String poisonParked = "select count(*) from parked_event where topic = 'kit.probe.v1' and payload like '%"
                + poison + "%' and reason like 'failed after 2 tries of its batch: %cannot apply " + poison + "'";
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar(poisonParked) == 1
                && scalar("select count(*) from probe_item where code in ('P1', 'P2', 'P4')") == 3);
        assertEquals(0, scalar("select count(*) from probe_item where code = '" + poison + "'"));
        assertEquals(1, scalar("select count(*) from parked_event where topic = 'kit.probe.v1' and message_key = 'P3'"
                + " and payload = '{not json' and reason like 'unreadable ProbeEvent: %'"));
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-consumers' }.data.parked", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        // the gauge is the stored rows: parks rolled back with a failing batch are not counted
        String gauge = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("balance_consumer_parked ")).findFirst().orElseThrow();
        assertEquals(scalar("select count(*) from parked_event"), (long) Double.parseDouble(gauge.split(" ")[1]));

        publish("P5", 1, false); // the partition moves on at full speed
        await().atMost(Duration.ofSeconds(10)).until(() -> scalar("select count(*) from probe_item where code = 'P5'") == 1);
    }

    @Test
    void inboxRefusesDuplicatesOlderRevisionsAndEventsWithoutId() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            String id = UUID.randomUUID().toString();
            assertTrue(inbox.accept(c, id, "t", "agg:C1", 5));
            assertFalse(inbox.accept(c, id, "t", "agg:C1", 6), "same eventId again");
            assertFalse(inbox.accept(c, UUID.randomUUID().toString(), "t", "agg:C1", 5), "same revision");
            assertFalse(inbox.accept(c, UUID.randomUUID().toString(), "t", "agg:C1", 4), "older revision");
            assertTrue(inbox.accept(c, UUID.randomUUID().toString(), "t", "agg:C1", 6));
            assertTrue(inbox.accept(c, UUID.randomUUID().toString(), "t", "agg:C2", 1), "per aggregate");
            assertFalse(inbox.accept(c, null, "t", "agg:C1", 9), "no eventId");

            // one consumer's replay forgets its own topic and aggregates, not another consumer's
            String other = UUID.randomUUID().toString();
            assertTrue(inbox.accept(c, other, "u", "oth:C1", 1));
            inbox.clear(c, "t", "agg:");
            assertTrue(inbox.accept(c, id, "t", "agg:C1", 1), "its eventIds and revisions are forgotten");
            assertFalse(inbox.accept(c, other, "u", "oth:C9", 1), "the other topic's eventIds are kept");
            assertFalse(inbox.accept(c, UUID.randomUUID().toString(), "u", "oth:C1", 1), "the other's revisions are kept");
        }
    }

    @Test
    void sentRowsArePurgedAfterTheRetentionUnsentOnesNever() throws Exception {
        publish("D1", 1, false);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                scalar("select count(*) from outbox_event where message_key = 'D1' and sent_at is not null") == 1);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("insert into outbox_event (event_id, topic, message_key, event_type,"
                    + " revision, payload, created_at) values ('unsent-d2', 'nowhere', 'D2', 'X', 1, '{}', now() - interval '90 days')");
        }
        relay.purgeSentBefore(Instant.now().plusSeconds(1));
        assertEquals(0, scalar("select count(*) from outbox_event where message_key = 'D1'"));
        assertEquals(1, scalar("select count(*) from outbox_event where message_key = 'D2'"));
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("delete from outbox_event where message_key = 'D2'");
        }
    }
}
