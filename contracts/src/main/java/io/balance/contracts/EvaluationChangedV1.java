package io.balance.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A county's evaluation under one rule set changed. Carries the headline figures and, item by item, what the
 * evaluation found ({@code details}); the full evaluation is read from the indicator service's API. Keyed by
 * county code.
 *
 * @param verdict PASS, FAIL or INCOMPLETE
 * @param details per stage, school-stage and check (added to v1 additively: null in older events)
 */
public record EvaluationChangedV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String countyCode,
        int year,
        String ruleSet,
        long revision,
        String verdict,
        int basedOnReports,
        List<String> failingParts,
        List<String> missingInputs,
        EvaluationDetailsV1 details) {
    public static final int SCHEMA_VERSION = 1;

    /** The event as it was before {@code details} existed. */
    public EvaluationChangedV1(String eventId, int schemaVersion, Instant occurredAt, String countyCode, int year,
            String ruleSet, long revision, String verdict, int basedOnReports, List<String> failingParts,
            List<String> missingInputs) {
        this(eventId, schemaVersion, occurredAt, countyCode, year, ruleSet, revision, verdict, basedOnReports,
                failingParts, missingInputs, null);
    }
}
