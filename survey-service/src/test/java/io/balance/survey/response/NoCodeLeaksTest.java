package io.balance.survey.response;

import static io.balance.survey.Fixtures.answers;
import static io.balance.survey.Fixtures.freshAddress;
import static io.balance.survey.Fixtures.invite;
import static io.balance.survey.Fixtures.submit;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.LogCapture;
import io.balance.survey.Fixtures;
import io.balance.survey.invitation.CodeRedactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: no invitation code or answer may reach a log, a metric or a URL a third party sees. Every public path
 * is exercised (pages, JSON, good and bad submissions, used codes, unknown paths under a code) with every log
 * record of the service captured, then the logs and the Prometheus scrape are searched for the codes.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class NoCodeLeaksTest {
    static final String COUNTY = "419971";

    @Inject
    MeterRegistry meters;

    @Test
    void codesAndAnswersReachNoLogAndNoMetric() {
        Fixtures.standardCounty(COUNTY, 300_000);
        String survey = Fixtures.openSurvey(COUNTY, 2025);
        List<String> codes = invite(survey, COUNTY + "0001", "PARENT", 3);
        List<String> items = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10");
        String pageLoad = "leak-check-page-load-7f3a";
        List<String> records;
        try (LogCapture log = LogCapture.start()) {
            String code = codes.get(0);
            given().header("X-Forwarded-For", freshAddress()).get("/s/" + code).then().statusCode(200);
            given().header("X-Forwarded-For", freshAddress()).get("/s/" + code.toLowerCase(Locale.ROOT)).then()
                    .statusCode(200);
            given().header("X-Forwarded-For", freshAddress()).get("/s/" + code + "/extra").then().statusCode(404)
                    .body("instance", org.hamcrest.Matchers.equalTo("/s/{code}/extra"));
            given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC)
                    .formParam("submissionId", pageLoad).formParam("q_P01", "RECOGNISE").post("/s/" + code).then()
                    .statusCode(400);
            given().get("/api/v1/public/questionnaires/" + code).then().statusCode(200);
            given().contentType(ContentType.JSON).body("{\"invitation\": \"" + code + "\", \"submissionId\": \""
                    + pageLoad + "\", \"answers\": [\"" + code + "\"]}").post("/api/v1/public/responses").then()
                    .statusCode(400);
            submit(code, pageLoad, answers(items, "RECOGNISE", "MOSTLY"), freshAddress()).then().statusCode(201);
            submit(code, "another-page-load", answers(items, "NOT"), freshAddress()).then().statusCode(409);
            given().header("X-Forwarded-For", freshAddress()).get("/s/" + code).then().statusCode(409);
            submit(codes.get(1), pageLoad, answers(items, "BAD_VALUE"), freshAddress()).then().statusCode(400);
            given().get("/api/v1/public/questionnaires/" + codes.get(2) + "x").then().statusCode(404);
            given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.JSON).body("{}")
                    .post("/s/" + codes.get(2)).then().statusCode(415);
            records = log.lines();
        }
        // every meter's name and tags (what a scrape of /q/metrics is made of)
        StringBuilder all = new StringBuilder();
        meters.getMeters().forEach(m -> all.append(m.getId()).append('\n'));
        String scrape = all.toString();
        assertTrue(scrape.contains("http.server.requests"), "the HTTP metrics are there: " + scrape);
        for (String code : codes) {
            for (String form : List.of(code, code.toLowerCase(Locale.ROOT))) {
                assertFalse(scrape.contains(form), "a code in the metrics");
                for (String r : records) {
                    assertFalse(r.contains(form), "a code in a log record: " + r);
                }
            }
        }
        for (String r : records) {
            assertFalse(r.contains(pageLoad), "a submission id in a log record: " + r);
        }
        // the problem body's instance and the 500 log line name the path without its code
        assertEquals("/s/{code}", new CodeRedactor().redact("/s/" + codes.get(0)));
        assertEquals("/s/{code}/extra", new CodeRedactor().redact("/s/" + codes.get(0) + "/extra"));
        assertEquals("/api/v1/public/questionnaires/{code}",
                new CodeRedactor().redact("/api/v1/public/questionnaires/" + codes.get(0)));
        given().get("/api/v1/public/questionnaires/" + codes.get(2) + "x").then()
                .body("instance", org.hamcrest.Matchers.equalTo("/api/v1/public/questionnaires/{code}"));
    }
}
