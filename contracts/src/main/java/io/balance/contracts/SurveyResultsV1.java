package io.balance.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * The recognition results (社会认可度) of a county's survey campaign. Published coalesced while the
 * campaign runs and once more, with {@code closed = true}, when it closes. Keyed by county code.
 *
 * @param revision  increases with every publication for this campaign; older revisions are ignored
 * @param rate      (认可 + 比较认可) / (all answers − 不了解) over valid questionnaires (unflagged, or flagged and
 *                  accepted by a reviewer); null while undefined
 * @param valid     valid questionnaires counted in the rate
 * @param flagged   flagged questionnaires the rate leaves out: awaiting review or rejected by the reviewer
 * @param validReturnRate valid questionnaires / invitations issued, null before any is issued
 */
public record SurveyResultsV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String surveyId,
        String countyCode,
        int year,
        long revision,
        boolean closed,
        Double rate,
        long valid,
        long flagged,
        Double validReturnRate,
        Map<String, GroupResult> byGroup) {
    public static final int SCHEMA_VERSION = 1;

    public record GroupResult(Double rate, long valid) {
    }
}
