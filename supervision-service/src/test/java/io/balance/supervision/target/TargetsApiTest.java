package io.balance.supervision.target;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.supervision.Evaluations;
import io.balance.supervision.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 004's plan through the API, measured by evaluations arriving on Kafka (hand-computed in ProgressTest). */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class TargetsApiTest {
    static final String COUNTY = "999821";
    final String admin = Tokens.of("admin-821", "COUNTY_ADMIN", COUNTY);

    RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    @Test
    void seed004PlanProgress() throws Exception {
        Path plan = Path.of(System.getProperty("balance.repo.root", "..")).resolve("demo/supervision/targets-999901.json");
        as(admin).contentType(ContentType.JSON).body(Evaluations.JSON.readTree(plan.toFile()))
                .put("/api/v1/counties/" + COUNTY + "/targets").then().statusCode(200).body("ruleSet", is("QUALITY_2017"));
        try (Evaluations events = new Evaluations()) {
            events.send(Evaluations.event(COUNTY, 2023, 1, "FAIL", ProgressTest.year2023(), List.of()));
            events.send(Evaluations.event(COUNTY, 2024, 1, "FAIL", ProgressTest.year2024(), List.of()));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> as(admin)
                .get("/api/v1/counties/" + COUNTY + "/targets/progress?year=2024").then().extract()
                .<String>path("rows.find { it.kind == 'COMPLIANT_SCHOOL_SHARE' }.status").equals("NOT_MET"));
        as(Tokens.department("d", COUNTY, "EDU")).get("/api/v1/counties/" + COUNTY + "/targets/progress?year=2024")
                .then().statusCode(200).body("year", is(2024)).body("ruleSet", is("QUALITY_2017"))
                // 3 of 5 schools (a school counts once), target 90 % in 2024
                .body("rows.find { it.kind == 'COMPLIANT_SCHOOL_SHARE' }.actual", is(0.6f))
                .body("rows.find { it.kind == 'COMPLIANT_SCHOOL_SHARE' }.target", is(0.9f))
                .body("rows.find { it.kind == 'COMPLIANT_SCHOOL_SHARE' }.trend.status", equalTo(List.of("NO_DATA", "MET")))
                // 1 of 50 classes is 56+: exactly the 2 % in force since 2022
                .body("rows.find { it.kind == 'LARGE_CLASS_SHARE' }.actual", is(0.02f))
                .body("rows.find { it.kind == 'LARGE_CLASS_SHARE' }.targetYear", is(2022))
                .body("rows.find { it.kind == 'LARGE_CLASS_SHARE' }.status", is("MET"))
                .body("rows.find { it.kind == 'SUPER_LARGE_CLASSES' }.status", is("MET"))
                // the R5 CV of the year-2025 target is not in force in 2024
                .body("rows.size()", is(3));
        as(admin).get("/api/v1/counties/" + COUNTY + "/targets/progress?year=2025").then().statusCode(200)
                .body("rows.find { it.kind == 'COMPLIANT_SCHOOL_SHARE' }.status", is("NO_DATA"))
                .body("rows.find { it.kind == 'VERDICT' }.target", is("PASS"))
                .body("rows.size()", is(7));
        as(admin).get("/api/v1/counties/" + COUNTY + "/targets").then().statusCode(200).body("targets.size()", is(11));
    }

    @Test
    void badPlansNameTheField() {
        String county = "999822";
        String a = Tokens.of("admin-822", "COUNTY_ADMIN", county);
        as(a).contentType(ContentType.JSON).body(Map.of("ruleSet", "QUALITY_2017", "targets", List.of(
                Map.of("year", 2025, "kind", "COMPLIANT_SCHOOL_SHARE", "comparison", "AT_LEAST", "value", 95),
                Map.of("year", 2025, "kind", "INDICATOR_CV", "comparison", "AT_MOST", "value", 0.5),
                Map.of("year", 2025, "kind", "VERDICT", "comparison", "AT_LEAST", "value", "FAIL"),
                Map.of("year", 2025, "kind", "LARGE_CLASS_SHARE", "stage", "PRIMARY", "comparison", "AT_MOST", "value", 0.02))))
                .put("/api/v1/counties/" + county + "/targets").then().statusCode(400)
                .body("errors.field", equalTo(List.of("targets[0].value", "targets[1].stage", "targets[1].indicator",
                        "targets[2].value", "targets[3].stage")));
        as(a).contentType(ContentType.JSON).body("{\"ruleSet\":\"QUALITY_2017\",\"targets\":[{\"year\":2025,\"kind\":\"NOPE\",\"comparison\":\"AT_MOST\",\"value\":1}]}")
                .put("/api/v1/counties/" + county + "/targets").then().statusCode(400);
        as(a).get("/api/v1/counties/" + county + "/targets").then().statusCode(404);
        as(a).get("/api/v1/counties/" + county + "/targets/progress").then().statusCode(400).body("errors[0].field", is("year"));
        // a reviewer reads progress, may not set the county's targets
        as(Tokens.of("r", "REVIEWER", "999800")).contentType(ContentType.JSON).body(Map.of("ruleSet", "QUALITY_2017", "targets", List.of()))
                .put("/api/v1/counties/" + county + "/targets").then().statusCode(403);
    }
}
