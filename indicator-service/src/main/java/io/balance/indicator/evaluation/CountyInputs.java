package io.balance.indicator.evaluation;

import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.finding.Funding;
import java.util.List;
import java.util.Map;

/**
 * Everything one county's evaluation for one year depends on, read from the service's own read model.
 *
 * @param registered schools the registry lists for the county (to name missing reports)
 * @param findings   null until the county records them
 * @param survey     null until a survey result arrives
 * @param version    the county's input version (cache key)
 * @param funding    the funding figures of the findings of this year and the years before it (up to
 *                   {@link GrowthChecks#MAX_YEARS}), by year: what the checks comparing years read
 */
public record CountyInputs(
        String countyCode,
        String countyName,
        int year,
        List<ApprovedReport> reports,
        List<RegisteredSchool> registered,
        Findings findings,
        SurveyInput survey,
        long version,
        Map<Integer, Funding> funding) {

    /** Inputs whose only funding figures are the year's own findings'. */
    public CountyInputs(String countyCode, String countyName, int year, List<ApprovedReport> reports,
            List<RegisteredSchool> registered, Findings findings, SurveyInput survey, long version) {
        this(countyCode, countyName, year, reports, registered, findings, survey, version,
                findings == null || findings.funding() == null ? Map.of() : Map.of(year, findings.funding()));
    }

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
