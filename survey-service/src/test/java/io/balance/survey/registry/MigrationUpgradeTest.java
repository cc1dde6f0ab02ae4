package io.balance.survey.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The move onto the kit's tables (V4 sets the old ones aside, the kit's repeatable migration creates its own,
 * R__survey_kit_carry_over carries over) on a database of the release before (V1 to V3) with unsent events and a
 * read model, and on an empty one: Flyway runs versioned migrations before repeatable ones, and the repeatables by
 * description.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class MigrationUpgradeTest {
    static final Path ROOT = Path.of(System.getProperty("balance.repo.root", ".."));
    static final Path MIGRATIONS = ROOT.resolve("survey-service/src/main/resources/db/migration");
    static final String PAYLOAD = "{\"eventId\":\"e-unsent\",\"countyCode\":\"419981\",\"revision\":7,\"closed\":true}";

    @Test
    void anUpgradedDatabaseKeepsItsUnsentEventsAndItsRevisions() throws Exception {
        String url = database("survey_upgrade");
        oldRelease(url).migrate();
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.executeUpdate("insert into outbox_event (event_id, topic, event_key, payload, sent_at) values "
                    + "('e-sent', 'survey.results.v1', '419981', '{\"revision\":6}', now())");
            st.executeUpdate("insert into outbox_event (event_id, topic, event_key, payload) values "
                    + "('e-unsent', 'survey.results.v1', '419981', '" + PAYLOAD + "')");
            st.executeUpdate("insert into processed_event (event_id) values ('registry-event-1')");
            st.executeUpdate("insert into jurisdiction (code, name, level, revision) values ('419981', '县', 'COUNTY', 4)");
            st.executeUpdate("insert into school (school_code, name, county_code, type, location, revision) "
                    + "values ('4199810001', '校', '419981', 'PRIMARY', 'URBAN', 2)");
        }
        flyway(url).migrate();
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select event_id, topic, message_key, event_type, revision, payload, "
                    + "sent_at from outbox_event")) {
                rs.next();
                assertEquals("e-unsent", rs.getString(1));
                assertEquals("survey.results.v1", rs.getString(2));
                assertEquals("419981", rs.getString(3));
                assertEquals("SurveyResultsV1", rs.getString(4));
                assertEquals(7, rs.getLong(5));
                assertEquals(PAYLOAD, rs.getString(6));
                assertNull(rs.getTimestamp(7));
                assertEquals(false, rs.next(), "only the unsent event is carried over");
            }
            assertEquals(4, one(st, "select revision from consumed_revision where aggregate = 'jurisdiction:419981'"));
            assertEquals(2, one(st, "select revision from consumed_revision where aggregate = 'school:4199810001'"));
            assertEquals(0, one(st, "select count(*) from pg_tables where tablename like 'legacy_%'"));
        }
    }

    @Test
    void aFreshDatabaseGetsTheKitsTablesOnly() throws Exception {
        String url = database("survey_fresh");
        flyway(url).migrate();
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            assertEquals(0, one(st, "select count(*) from pg_tables where tablename like 'legacy_%'"));
            assertEquals(1, one(st, "select count(*) from information_schema.columns where table_name = "
                    + "'outbox_event' and column_name = 'message_key'"));
            assertEquals(1, one(st, "select count(*) from information_schema.columns where table_name = "
                    + "'processed_event' and column_name = 'topic'"));
            assertEquals(0, one(st, "select count(*) from outbox_event"));
        }
    }

    /** This release: the service's migrations and the kit's. */
    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .locations("filesystem:" + MIGRATIONS, "filesystem:" + ROOT.resolve("service-kit/src/main/resources/db/kit"))
                .load();
    }

    /**
     * The release before the kit: V1 to V3 alone (a target of 3 would not do: Flyway applies the repeatable
     * migrations whatever the target, and the old release had none).
     */
    private static Flyway oldRelease(String url) throws Exception {
        Path dir = Files.createTempDirectory("survey-v3");
        for (String name : List.of("V1__survey.sql", "V2__results_response_count.sql",
                "V3__supervision_and_review.sql")) {
            Files.copy(MIGRATIONS.resolve(name), dir.resolve(name));
        }
        return Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .locations("filesystem:" + dir).load();
    }

    /** A new, empty database of the embedded server; returns its JDBC URL. */
    private static String database(String prefix) throws Exception {
        String name = prefix + "_" + System.nanoTime();
        EmbeddedInfra.postgres().ensureDatabase(name);
        return EmbeddedInfra.postgres().jdbcUrl(name);
    }

    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
