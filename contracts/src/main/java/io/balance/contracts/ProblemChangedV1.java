package io.balance.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ledger problem (问题台账) was created or changed: its state after the change. Keyed by county code;
 * {@code revision} counts the problem's changes.
 *
 * @param key        stable for automatic problems ({@code 2025/QUALITY_2017/school/1199990101/PRIMARY/R5}), null for manual ones
 * @param source     EVALUATION, INSPECTION, SURVEY, OBJECTION or MANUAL
 * @param gapUnit    the gap's unit (m2, teachers, yuan, rooms, …) where one exists; {@code gapAmount} in it
 * @param status     OPEN, RECTIFYING, RECTIFIED, VERIFIED or REOPENED
 * @param dataStatus MET or NOT_MET for problems derived from data, else null
 * @param action     what changed: CREATED, UPDATED, ASSIGNED, RECTIFIED, VERIFIED, REOPENED, DATA_MET, DATA_NOT_MET
 */
public record ProblemChangedV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String countyCode,
        long problemId,
        long revision,
        String key,
        String source,
        int year,
        String schoolCode,
        String stage,
        String ref,
        String title,
        String gapUnit,
        BigDecimal gapAmount,
        String department,
        String owner,
        LocalDate deadline,
        String status,
        String dataStatus,
        String action,
        String actor) {
    public static final int SCHEMA_VERSION = 1;
}
