package io.balance.system;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.balance.infra.EmbeddedPostgresServer;
import io.balance.infra.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail survives a crash of the gateway: writes through the gateway to the services and reads of sensitive
 * data, each answered, then the gateway process is killed at once (SIGKILL: no shutdown hook drains anything) and
 * started again on the same database. Every answered request is on the trail with the status its caller got, the
 * hash chain verifies, and editing a row afterwards is detected.
 */
@ExtendWith(SystemStack.class)
@Order(95) // restarts the gateway: after the tests that need it steady, before ServiceDownTest
class AuditRestartTest {
    @Test
    void nothingAnsweredIsLostWhenTheGatewayIsKilled() throws Exception {
        World world = SystemStack.world();
        World.Side side = world.a;
        String county = side.tokens.get(Role.COUNTY_ADMIN);
        String province = side.tokens.get(Role.PROVINCE_ADMIN);
        String from = Instant.now().minusSeconds(1).toString();

        // what each caller was answered: method + path -> statuses, in order
        Map<String, List<Integer>> answered = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            record(answered, "PUT /api/v1/counties/" + side.county + "/findings/" + World.YEAR, World.as(county)
                    .contentType(ContentType.JSON).body("{}")
                    .put("/api/v1/counties/" + side.county + "/findings/" + World.YEAR).statusCode());
            // refused writes are audited too (the county never runs its own survey)
            record(answered, "POST /api/v1/surveys/" + side.surveyId + "/open", World.as(county)
                    .contentType(ContentType.JSON).post("/api/v1/surveys/" + side.surveyId + "/open").statusCode());
            // a read of sensitive data: the campaign's flagged answers
            record(answered, "GET /api/v1/surveys/" + side.surveyId + "/flagged", World.as(province)
                    .get("/api/v1/surveys/" + side.surveyId + "/flagged").statusCode());
        }
        ServiceProcess gateway = SystemStack.stack().service("gateway");
        gateway.kill();
        gateway.start();
        gateway.awaitReady(Duration.ofSeconds(180));

        String admin = world.adminToken;
        String countyAdmin = side.users.get(Role.COUNTY_ADMIN);
        String provinceAdmin = side.users.get(Role.PROVINCE_ADMIN);
        Awaitility.await("every answered request on the trail").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, List<Integer>> trail = trail(admin, countyAdmin, from);
                    trail.putAll(trail(admin, provinceAdmin, from));
                    assertEquals(sorted(answered), sorted(trail));
                });
        World.as(admin).get("/api/v1/audit/chain").then().statusCode(200)
                .body("firstBrokenId", nullValue()).body("headMatches", is(true));

        // tampering shows: one entry's status edited in the database, then put back
        String url = SystemStack.stack().postgres().jdbcUrl("gateway");
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            long id;
            try (PreparedStatement q = c.prepareStatement("select id from audit_entry where actor = ? and status = 403"
                    + " order by id desc limit 1")) {
                q.setString(1, countyAdmin);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next(), "a refused write of " + countyAdmin + " on the trail");
                    id = rs.getLong(1);
                }
            }
            execute(c, "update audit_entry set status = 200 where id = " + id);
            try {
                World.as(admin).get("/api/v1/audit/chain").then().statusCode(200).body("firstBrokenId", is((int) id));
            } finally {
                execute(c, "update audit_entry set status = 403 where id = " + id);
            }
            // a deleted entry shows too: the next one no longer links to its predecessor
            execute(c, "create temp table saved as select * from audit_entry where id = " + id);
            execute(c, "delete from audit_entry where id = " + id);
            try {
                World.as(admin).get("/api/v1/audit/chain").then().statusCode(200).body("firstBrokenId", greaterThan((int) id));
            } finally {
                execute(c, "insert into audit_entry select * from saved");
            }
        }
        World.as(admin).get("/api/v1/audit/chain").then().statusCode(200).body("firstBrokenId", nullValue());
    }

    private static void record(Map<String, List<Integer>> answered, String request, int status) {
        assertTrue(status < 500, request + " answered " + status);
        answered.computeIfAbsent(request, k -> new ArrayList<>()).add(status);
    }

    /** The trail's entries by {@code actor} since {@code from}: method + path -> statuses. */
    private static Map<String, List<Integer>> trail(String admin, String actor, String from) {
        JsonPath page = World.as(admin).queryParam("actor", actor).queryParam("from", from).queryParam("size", 500)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        Map<String, List<Integer>> trail = new HashMap<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            if (item.get("method") == null) {
                continue; // the gateway's own events (sign-ins): not requests
            }
            trail.computeIfAbsent(item.get("method") + " " + item.get("path"), k -> new ArrayList<>())
                    .add((Integer) item.get("status"));
        }
        return trail;
    }

    private static Map<String, List<Integer>> sorted(Map<String, List<Integer>> map) {
        Map<String, List<Integer>> copy = new java.util.TreeMap<>();
        map.forEach((k, v) -> copy.put(k, v.stream().sorted().toList()));
        return copy;
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
