package io.balance.contracts;

import java.time.Instant;

/**
 * An annual report was approved: the whole approved report and the school's attributes at approval,
 * so a consumer needs nothing else to compute the school's indicators. Keyed by school code.
 *
 * @param revision the report revision for (school, year); a correction after approval is a higher revision
 */
public record ReportApprovedV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String schoolCode,
        int year,
        long revision,
        SchoolV1 school,
        AnnualReportV1 report,
        String approvedBy,
        Instant approvedAt) {
    public static final int SCHEMA_VERSION = 1;
}
