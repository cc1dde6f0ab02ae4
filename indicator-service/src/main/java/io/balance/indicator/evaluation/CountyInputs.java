package io.balance.indicator.evaluation;

import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.finding.Findings;
import java.util.List;

/**
 * Everything one county's evaluation for one year depends on, read from the service's own read model.
 *
 * @param registered schools the registry lists for the county (to name missing reports)
 * @param findings   null until the county records them
 * @param survey     null until a survey result arrives
 * @param version    the county's input version (cache key)
 */
public record CountyInputs(
        String countyCode,
        String countyName,
        int year,
        List<ApprovedReport> reports,
        List<RegisteredSchool> registered,
        Findings findings,
        SurveyInput survey,
        long version) {

    /** An approved annual report with the school's attributes at approval. */
    public record ApprovedReport(SchoolV1 school, AnnualReportV1 report, long revision) {
    }

    public record RegisteredSchool(String schoolCode, String name, String type) {
    }

    /** The county's survey result (社会认可度) for the year. */
    public record SurveyInput(String surveyId, Double rate, long valid, long flagged, Double validReturnRate,
            boolean closed, long revision) {
    }
}
