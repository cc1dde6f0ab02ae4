package io.balance.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The upgrade onto the kit (V5) on a database as the previous release left it: migrated up to V4 with this
 * service's own outbox and inbox, holding an unsent and a sent event and a consumed eventId; then migrated the way
 * the service now starts (its migrations, then the kit's repeatable one). In a schema of its own, on the real
 * PostgreSQL, so the service's tables are untouched.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class KitMigrationTest {
    static final String SCHEMA = "upgrade_from_v4";
    // the files themselves (the module's and the kit's), not the test classpath's copies
    static final String OWN = "filesystem:src/main/resources/db/migration";
    static final String KIT = "filesystem:../service-kit/src/main/resources/db/kit";

    @Inject
    AgroalDataSource dataSource;

    Flyway flyway(String target, String... locations) {
        var config = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations(locations);
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void anUnsentEventAndTheConsumedEventIdsSurviveTheMoveOntoTheKit() throws Exception {
        String unsent = UUID.randomUUID().toString();
        String sent = UUID.randomUUID().toString();
        String consumed = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
            flyway("4", OWN).migrate();
            String schema = c.getSchema();
            c.setSchema(SCHEMA);
            try {
                upgrade(st, unsent, sent, consumed);
            } finally {
                c.setSchema(schema); // the pooled connection goes back as it came
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    void upgrade(Statement st, String unsent, String sent, String consumed) throws Exception {
        // the previous release's rows: its OutboxRelay wrote event_id, topic, message_key and payload only
        st.execute("insert into outbox_event (event_id, topic, message_key, payload) values ('" + unsent
                + "', 'indicator.evaluations.v1', '999990', '{\"eventId\":\"" + unsent + "\",\"revision\":3}')");
        st.execute("insert into outbox_event (event_id, topic, message_key, payload, sent_at) values ('" + sent
                + "', 'indicator.evaluations.v1', '999990', '{\"eventId\":\"" + sent + "\",\"revision\":2}', now())");
        st.execute("insert into processed_event (event_id, topic) values ('" + consumed + "', 'school.reports.v1')");

        var result = flyway(null, OWN, KIT).migrate();
        assertTrue(result.success);

        // the unsent event is still unsent, in the kit's shape: the kit's relay publishes it (by id, with headers)
        try (ResultSet rs = st.executeQuery("select event_type, revision, attempts, last_error, sent_at, id, message_key"
                + " from outbox_event where event_id = '" + unsent + "'")) {
            assertTrue(rs.next(), "the unsent event is lost");
            assertEquals("EvaluationChangedV1", rs.getString(1));
            assertEquals(3, rs.getLong(2));
            assertEquals(0, rs.getInt(3));
            assertNull(rs.getString(4));
            assertNull(rs.getTimestamp(5));
            assertEquals("999990", rs.getString(7));
        }
        try (ResultSet rs = st.executeQuery("select revision, sent_at from outbox_event where event_id = '" + sent + "'")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertNotNull(rs.getTimestamp(2));
        }
        // the kit's unsent index, not a second one beside the old
        try (ResultSet rs = st.executeQuery("select indexname from pg_indexes where schemaname = '" + SCHEMA
                + "' and tablename = 'outbox_event' and indexdef like '%sent_at IS NULL%'")) {
            assertTrue(rs.next());
            assertEquals("outbox_event_unsent", rs.getString(1));
            assertTrue(!rs.next(), "two unsent indexes");
        }
        // a replayed event stays applied once
        try (ResultSet rs = st.executeQuery("select count(*) from processed_event where event_id = '" + consumed + "'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
        // the kit writes new events as it does everywhere (ids after the old ones) and keeps revisions per aggregate
        st.execute("insert into outbox_event (event_id, topic, message_key, event_type, revision, payload)"
                + " values ('" + UUID.randomUUID() + "', 'indicator.evaluations.v1', '999990', 'EvaluationChangedV1', 4, '{}')");
        try (ResultSet rs = st.executeQuery("select count(*), max(id) > min(id) from outbox_event where sent_at is null")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertTrue(rs.getBoolean(2));
        }
        st.execute("insert into consumed_revision (aggregate, revision) values ('report:9999900001:2025', 1)");
    }
}
