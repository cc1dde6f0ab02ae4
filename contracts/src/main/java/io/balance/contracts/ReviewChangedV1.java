package io.balance.contracts;

import java.time.Instant;

/**
 * A county's review (评估认定) moved: submitted, decided, published, ended. Keyed by county code;
 * {@code revision} counts the changes of the county's process for {@code year}.
 *
 * @param stage          SELF_EVALUATION, CITY_REVIEW, PROVINCE_EVALUATION, PUBLICATION, RECOGNISED or NOT_RECOGNISED
 * @param action         SUBMITTED, PASSED, RETURNED, PUBLISHED, REOPENED (an upheld objection), RECOGNISED, NOT_RECOGNISED
 * @param snapshotDigest SHA-256 of the snapshot frozen by this change, null when it froze none
 * @param verdict        the frozen verdict of record (PASS, FAIL, INCOMPLETE), null before the first snapshot
 */
public record ReviewChangedV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String countyCode,
        int year,
        long revision,
        String stage,
        String action,
        String actor,
        Integer snapshotVersion,
        String snapshotDigest,
        String verdict) {
    public static final int SCHEMA_VERSION = 1;
}
