package io.balance.supervision.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ledger problem as the API shows it. {@code overdue}: past its deadline and not RECTIFIED or VERIFIED.
 * {@code evidence} and {@code history} are filled when one problem is read, left out of list pages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemView(
        long id,
        String key,
        Source source,
        String countyCode,
        int year,
        String ruleSet,
        String schoolCode,
        String schoolName,
        String stage,
        String ref,
        String title,
        String hint,
        Gap gap,
        String department,
        String owner,
        LocalDate deadline,
        ProblemStatus status,
        DataStatus dataStatus,
        boolean overdue,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        List<EvidenceRef> evidence,
        List<HistoryEntry> history) {

    /** One change: who, when, from → to, the note, and what it changed (field → new value). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(Instant at, String actor, String actorRole, String action, ProblemStatus from,
            ProblemStatus to, String note, java.util.Map<String, String> changes) {
    }

    /** An evidence file of the problem (佐证材料); its bytes are at {@code GET /api/v1/evidence/{id}}. */
    public record EvidenceRef(String id, String filename, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    public ProblemView with(List<EvidenceRef> evidence, List<HistoryEntry> history) {
        return new ProblemView(id, key, source, countyCode, year, ruleSet, schoolCode, schoolName, stage, ref, title,
                hint, gap, department, owner, deadline, status, dataStatus, overdue, revision, createdAt, updatedAt,
                evidence, history);
    }
}
