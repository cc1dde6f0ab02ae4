package io.balance.school.report;

import java.time.Instant;
import java.util.List;

/** The audit trail of one school's report for one year: every revision and every transition. */
public record ReportHistory(String schoolCode, int year, Integer countingRevision, List<Revision> revisions,
                            List<Transition> transitions) {
    public record Revision(int revision, ReportStatus status, Instant createdAt, String createdBy,
                           Instant updatedAt, String updatedBy, Instant submittedAt, String submittedBy,
                           Instant approvedAt, String approvedBy, String rejectionReason) {
    }

    public record Transition(int revision, ReportTransition.Action action, ReportStatus fromStatus,
                             ReportStatus toStatus, String actor, Instant at, String reason, String source) {
    }
}
