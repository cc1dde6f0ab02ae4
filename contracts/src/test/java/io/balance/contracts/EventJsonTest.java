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
}
