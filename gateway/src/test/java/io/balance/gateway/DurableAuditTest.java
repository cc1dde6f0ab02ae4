package io.balance.gateway;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Proxied writes and sensitive reads are in PostgreSQL before the request reaches the service, and reach the hash
 * chain with their outcome, or without one when the gateway that forwarded them stopped first. The same after a real
 * kill of the gateway process: system-tests {@code AuditRestartTest}.
 */
@QuarkusTest
class DurableAuditTest {
    @Inject
    DataSource dataSource;

    @Test
    void aWriteIsOnRecordBeforeTheServiceSeesIt() throws Exception {
        String county = Api.mint("durable-county", "COUNTY_ADMIN", "410329");
        // the fake school-service never answers this one: while it waits, its entry is already in PostgreSQL
        CompletableFuture<Integer> hanging = CompletableFuture.supplyAsync(() -> Api.as(county)
                .contentType(ContentType.JSON).body("{}").post("/api/v1/schools/4103290001/hang").statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                count("select count(*) from audit_pending where actor = 'durable-county' and not done") == 1);
        assertEquals(504, hanging.get().intValue());
        String root = Api.mint("durable-root", "SYSTEM_ADMIN", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Api.as(root).get("/api/v1/audit?actor=durable-county").then().statusCode(200)
                        .body("total", is(1)).body("items[0].status", is(504))
                        .body("items[0].path", is("/api/v1/schools/4103290001/hang"))
                        .body("items[0].division", is("410329")));
        assertEquals(0, count("select count(*) from audit_pending where actor = 'durable-county'"));
    }

    @Test
    void anAnsweredWriteIsOnRecordWithItsOutcome() throws Exception {
        String county = Api.mint("durable-answered", "COUNTY_ADMIN", "410329");
        for (int i = 0; i < 5; i++) {
            Api.as(county).contentType(ContentType.JSON).body("{}").put("/api/v1/counties/410329/findings/2025")
                    .then().statusCode(200);
            // no waiting: the status was written before the answer left (pending or already chained)
            assertEquals(i + 1, count("select (select count(*) from audit_pending where actor = 'durable-answered'"
                    + " and done and status = 200) + (select count(*) from audit_entry where actor = 'durable-answered'"
                    + " and status = 200)"));
        }
    }

    @Test
    void readsOfSensitiveDataAreAudited() {
        String county = Api.mint("durable-reader", "COUNTY_ADMIN", "410329");
        Api.as(county).get("/api/v1/evidence/ev-1").then().statusCode(200);
        Api.as(county).get("/api/v1/surveys/sv-1/flagged").then().statusCode(200);
        Api.as(county).get("/api/v1/surveys/sv-1/reviews").then().statusCode(200);
        Api.as(county).get("/api/v1/surveys/sv-1").then().statusCode(200); // not sensitive: not audited
        Api.as(county).get("/api/v1/problems/pr-1/evidence").then().statusCode(200); // the list of files: neither
        String henan = Api.mint("durable-henan", "PROVINCE_ADMIN", "410000");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Api.as(henan).get("/api/v1/audit?actor=durable-reader").then().statusCode(200)
                        .body("total", is(3))
                        .body("items.kind", everyItem(is("READ")))
                        .body("items.method", everyItem(is("GET")))
                        .body("items.status", everyItem(is(200)))
                        .body("items.path", hasItem("/api/v1/evidence/ev-1"))
                        .body("items.path", hasItem("/api/v1/surveys/sv-1/flagged"))
                        .body("items.path", not(hasItem("/api/v1/surveys/sv-1")))
                        // queryable by jurisdiction: filed under the reader's county, inside Henan
                        .body("items.division", everyItem(is("410329"))));
        Api.as(Api.mint("durable-hubei", "PROVINCE_ADMIN", "420000")).get("/api/v1/audit?actor=durable-reader")
                .then().statusCode(200).body("total", is(0));
    }

    @Test
    void anEntryWhoseOutcomeNeverCameIsChainedWithoutOne() throws Exception {
        // what a gateway killed between forwarding and answering leaves behind
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("insert into audit_pending (at, kind,"
                + " actor, actor_role, actor_jurisdiction, method, path, client_address) values (?, 'REQUEST',"
                + " 'durable-orphan', 'COUNTY_ADMIN', '410329', 'PUT', '/api/v1/counties/410329/findings/2025', '10.1.2.3')")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            insert.executeUpdate();
        }
        String root = Api.mint("durable-root2", "SYSTEM_ADMIN", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Api.as(root).get("/api/v1/audit?actor=durable-orphan").then().statusCode(200)
                        .body("total", is(1)).body("items[0].status", nullValue())
                        .body("items[0].detail", is("no outcome recorded: the gateway stopped before the answer"))
                        .body("items[0].division", is("410329")));
        Api.as(root).get("/api/v1/audit/chain").then().statusCode(200)
                .body("firstBrokenId", nullValue()).body("headMatches", is(true));
    }

    private long count(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var q = c.createStatement(); var rs = q.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
