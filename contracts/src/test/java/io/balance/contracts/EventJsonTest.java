package io.balance.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records are the wire format: they must survive a JSON round trip unchanged. */
class EventJsonTest {
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void reportApprovedRoundTrips() throws Exception {
        var report = new AnnualReportV1(
                Map.of("PRIMARY", 600, "JUNIOR", 0),
                Map.of("PRIMARY", List.of(45, 44)),
                Map.of("PRIMARY", new AnnualReportV1.Teachers(40, 30, 8, 3, 6, 20, 40, 40, 10, 1, 0)),
                new AnnualReportV1.Facilities(3000, 6000, 1_500_000, 15, 60, 18000, List.of(96.0), List.of(90.0)),
                new AnnualReportV1.Funding(900_000, 50_000));
        var event = new ReportApprovedV1("e-1", ReportApprovedV1.SCHEMA_VERSION, Instant.parse("2025-09-01T00:00:00Z"),
                "1141032901", 2025, 3,
                new SchoolV1("1141032901", "城关一小", "410329", "PRIMARY", "URBAN", true, false),
                report, "county-admin", Instant.parse("2025-09-01T00:00:00Z"));
        String text = json.writeValueAsString(event);
        assertEquals(event, json.readValue(text, ReportApprovedV1.class));
    }

    @Test
    void surveyResultsRoundTrip() throws Exception {
        var event = new SurveyResultsV1("e-2", 1, Instant.parse("2025-11-01T00:00:00Z"), "s-1", "410329", 2025, 7,
                false, 0.91, 640, 12, 0.8, Map.of("PARENT", new SurveyResultsV1.GroupResult(0.93, 320)));
        assertEquals(event, json.readValue(json.writeValueAsString(event), SurveyResultsV1.class));
    }

    @Test
    void evaluationWithDetailsRoundTrips() throws Exception {
        var details = new EvaluationDetailsV1(
                List.of(new EvaluationDetailsV1.Stage("PRIMARY", 12, 1, 0, null, null,
                        List.of(new EvaluationDetailsV1.Indicator("R5", "生均体育运动场馆面积", "m2", 7.5, 6.9, 0.52,
                                0.5, false, "raise the 2 school-stages below 6.1 to it", 820.5)),
                        List.of(new EvaluationDetailsV1.SchoolStage("1199990101", "一小", "PRIMARY", 600, false, false,
                                Map.of("R5", 1200.0))))),
                new EvaluationDetailsV1.Compliance(40, 31, 44, 35),
                List.of(new EvaluationDetailsV1.Check("assurance", "G3", "音乐美术专用教室", "FAIL", "1 school",
                        List.of(new EvaluationDetailsV1.SchoolIssue("1199990101", "一小", "no music room",
                                Map.of("musicRooms", 1.0))))),
                0.91);
        var event = new EvaluationChangedV1("e-3", 1, Instant.parse("2025-11-01T00:00:00Z"), "119999", 2025,
                "QUALITY_2017", 4, "FAIL", 40, List.of("resources"), List.of(), details);
        assertEquals(event, json.readValue(json.writeValueAsString(event), EvaluationChangedV1.class));
    }

    @Test
    void evaluationWithoutDetailsStillReads() throws Exception {
        String older = """
                {"eventId":"e-4","schemaVersion":1,"occurredAt":"2025-11-01T00:00:00Z","countyCode":"119999",
                 "year":2025,"ruleSet":"QUALITY_2017","revision":2,"verdict":"PASS","basedOnReports":40,
                 "failingParts":[],"missingInputs":[]}""";
        EvaluationChangedV1 event = json.readValue(older, EvaluationChangedV1.class);
        assertEquals(null, event.details());
        assertEquals(2, event.revision());
    }

    @Test
    void tokenRevocationRoundTrips() throws Exception {
        Instant at = Instant.parse("2025-11-01T08:00:00.123Z");
        var event = new TokenRevocationV1("e-5", TokenRevocationV1.SCHEMA_VERSION, at, "county-admin", at, at.toEpochMilli());
        assertEquals(event, json.readValue(json.writeValueAsString(event), TokenRevocationV1.class));
    }
}
