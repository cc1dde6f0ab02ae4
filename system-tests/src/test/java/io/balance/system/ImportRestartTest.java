package io.balance.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.balance.infra.EmbeddedPostgresServer;
import io.balance.infra.LocalStack;
import io.balance.infra.ServiceProcess;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Restarts lose nothing: school-service is replaced twice while a bulk import runs (once killed outright, once
 * stopped the way a rolling upgrade stops a pod), and the job still ends DONE with every row stored exactly once.
 * Its own stack (PostgreSQL, Kafka, school-service only): the shared one must not see a service go away.
 */
@Order(90)
class ImportRestartTest {
    private static final int ROWS = 6000;
    private static final String COUNTY = "999901";
    private static LocalStack stack;
    private static String token;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("balance.repo.root", "..")).toAbsolutePath().normalize();
        stack = LocalStack.builder().repoRoot(root).modules("school-service")
                // small chunks: the import runs long enough to be caught in the middle
                .environment("BALANCE_IMPORT_CHUNK_SIZE", "10")
                .environment("BALANCE_IMPORT_HEARTBEAT_INTERVAL", "1s")
                .environment("BALANCE_IMPORT_HEARTBEAT_TIMEOUT", "4s")
                .start();
        token = stack.keys().mint("import-admin", "SYSTEM_ADMIN", null);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static RequestSpecification api() {
        return given().baseUri(stack.service("school-service").url()).port(-1).auth().oauth2(token)
                .contentType("application/json");
    }

    @Test
    void anImportRunningWhenTheServiceIsReplacedEndsDoneWithEveryRowOnce() throws Exception {
        Path demo = Path.of(System.getProperty("balance.repo.root", "..")).toAbsolutePath().normalize().resolve("demo");
        for (String code : new String[] {"990000", "999900", "999901"}) {
            api().body(Files.readString(demo.resolve("registry/jurisdictions/" + code + ".json")))
                    .put("/api/v1/jurisdictions/" + code).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode template = json.readTree(demo.resolve("import/999901-2025.json").toFile());
        ArrayNode rows = json.createArrayNode();
        for (int i = 0; i < ROWS; i++) {
            ObjectNode row = template.get(i % template.size()).deepCopy();
            ((ObjectNode) row.get("school")).put("schoolCode", String.format("13%08d", i));
            ((ObjectNode) row.get("school")).put("name", "重启导入测试学校 " + i);
            rows.add(row);
        }
        String location = api().body(json.writeValueAsString(rows)).queryParam("submit", "true")
                .post("/api/v1/counties/" + COUNTY + "/reports/2025/import")
                .then().statusCode(202).extract().header("Location");

        ServiceProcess school = stack.service("school-service");
        int first = awaitProgressBeyond(location, 0);
        school.kill(); // a crash: no shutdown at all, the job's heartbeat just stops
        restart(school);
        int second = awaitProgressBeyond(location, first);
        school.stop(); // a rolling upgrade: SIGTERM, the job is released for the next instance
        restart(school);

        JsonPath done = Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(500))
                .until(() -> job(location), j -> !"RUNNING".equals(j.getString("status")) && !"QUEUED".equals(j.getString("status")));
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(ROWS, done.getInt("processedRows"));
        assertEquals(ROWS, done.getInt("acceptedRows"), done.prettify());
        assertEquals(0, done.getInt("rejectedRows"), done.prettify());
        assertTrue(second > first, "resumed after the crash");

        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("school"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            assertEquals(ROWS, count(s, "select count(*) from school where code like '13%'"));
            // each row stored once: one report revision per school, submitted, never a second attempt
            assertEquals(ROWS, count(s, "select count(*) from report_revision where year = 2025 and school_code like '13%'"));
            assertEquals(ROWS, count(s, "select count(*) from report_revision where year = 2025 and school_code like '13%'"
                    + " and revision = 1 and status = 'SUBMITTED'"));
            assertEquals(0, count(s, "select count(*) from import_job_row"), "a finished job keeps no rows");
        }
    }

    private static JsonPath job(String location) {
        return api().get(location).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the job has committed more rows than {@code after}, and is not finished yet. */
    private static int awaitProgressBeyond(String location, int after) {
        JsonPath j = Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50))
                .until(() -> job(location), p -> p.getInt("processedRows") > after);
        assertEquals("RUNNING", j.getString("status"), "caught in the middle: " + j.getInt("processedRows") + " of " + ROWS);
        return j.getInt("processedRows");
    }

    private static void restart(ServiceProcess school) {
        school.start();
        school.awaitReady(Duration.ofSeconds(180));
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
