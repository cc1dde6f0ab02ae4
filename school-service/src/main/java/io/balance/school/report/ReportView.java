package io.balance.school.report;

import io.balance.contracts.AnnualReportV1;
import java.time.Instant;

/**
 * A report revision with its review state.
 *
 * @param countingRevision the latest APPROVED revision (the one indicators use), null if none yet
 */
public record ReportView(String schoolCode, int year, int revision, ReportStatus status, Integer countingRevision,
                         AnnualReportV1 report, String rejectionReason, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy, Instant submittedAt, String submittedBy,
                         Instant approvedAt, String approvedBy) {
    static ReportView of(ReportRevision r, Integer countingRevision) {
        return new ReportView(r.schoolCode, r.year, r.revision, r.status, countingRevision, r.report(),
                r.rejectionReason, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy, r.submittedAt, r.submittedBy,
                r.approvedAt, r.approvedBy);
    }
}
