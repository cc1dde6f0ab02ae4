package io.balance.school.demo;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.school.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the committed demo/*.requests exactly as the local-run loader does (name order, one SYSTEM_ADMIN
 * token, lines {@code METHOD /path [@file [content-type]]}) and checks that every line succeeds and the whole
 * county ends up approved.
 */
@QuarkusTest
class DemoLoadTest {
    @Test
    void demoRequestFilesLoadCleanly() throws IOException {
        Path demo = DemoFilesTest.demoDirectory();
        // this service's demo files (10-, 20-); later ones (30-supervision, 90-survey) address other services
        List<Path> files = List.of(demo.resolve("10-registry.requests"), demo.resolve("20-reports-2025.requests"));
        try (Stream<Path> list = Files.list(demo)) {
            assertEquals(files, list.filter(p -> p.getFileName().toString().matches("[0-2]\\d-.*\\.requests"))
                    .sorted().toList(), "every demo file before 30- is school-service's");
        }
        String token = Api.admin();
        int executed = 0;
        for (Path file : files) {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                // as io.balance.infra.DemoLoader: whole-line comments, Content-Type always sent
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                RequestSpecification request = given().auth().oauth2(token).contentType("application/json");
                if (parts.length > 2 && parts[2].startsWith("@")) {
                    request.body(Files.readAllBytes(demo.resolve(parts[2].substring(1))))
                            .contentType(parts.length > 3 ? parts[3] : "application/json");
                }
                Response r = request.request(parts[0], parts[1]);
                assertTrue(r.statusCode() >= 200 && r.statusCode() < 300,
                        file.getFileName() + ": " + line + " → " + r.statusCode() + " " + r.asString());
                executed++;
            }
        }
        assertEquals(3 + 40 + 40 * 3, executed);
        Api.as(token).get("/api/v1/schools?countyCode=" + DemoCounty.COUNTY + "&size=100").then()
                .body("total", equalTo(40));
        for (DemoCounty.Spec s : DemoCounty.SCHOOLS) {
            Api.as(token).get("/api/v1/schools/" + s.code() + "/reports/2025").then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("countingRevision", equalTo(1));
        }
        Api.as(token).get("/api/v1/jurisdictions/" + DemoCounty.COUNTY).then()
                .body("name", equalTo("伊水县")).body("residentPopulation", equalTo((int) DemoCounty.POPULATION));

        // the demo's import files (for trying the import by hand) are clean: every row accepted. Importing over
        // approved reports starts revision 2 as a DRAFT; the approved revision 1 keeps counting.
        String base = "/api/v1/counties/" + DemoCounty.COUNTY + "/reports/2025/import";
        for (String[] file : new String[][] {{"import/999901-2025.csv", "text/csv"},
                {"import/999901-2025.json", "application/json"}}) {
            Response r = given().auth().oauth2(token).contentType(file[1])
                    .body(Files.readAllBytes(demo.resolve(file[0]))).post(base);
            r.then().statusCode(202);
            String job = r.header("Location").substring(r.header("Location").indexOf("/api/"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    List.of("DONE", "FAILED").contains(Api.as(token).get(job).jsonPath().getString("status")));
            Api.as(token).get(job).then().body("status", equalTo("DONE")).body("acceptedRows", equalTo(40))
                    .body("rejectedRows", equalTo(0));
        }
        Api.as(token).get("/api/v1/schools/" + DemoCounty.SCHOOLS.get(0).code() + "/reports/2025").then()
                .body("revision", equalTo(2)).body("status", equalTo("DRAFT")).body("countingRevision", equalTo(1));
    }
}
