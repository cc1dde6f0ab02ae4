package io.balance.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A county's evaluation under one rule set changed. Carries the headline figures; the full evaluation is
 * read from the indicator service's API. Keyed by county code.
 *
 * @param verdict PASS, FAIL or INCOMPLETE
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
        List<String> missingInputs) {
    public static final int SCHEMA_VERSION = 1;
}
