package io.balance.supervision.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An on-site inspection (实地督查) of one school: the figures observed against the approved report.
 *
 * @param tolerance      the relative difference allowed (0.05 = 5 %); further is a difference beyond it
 * @param reportRevision the approved report revision compared against
 */
public record InspectionView(
        long id,
        String countyCode,
        int year,
        String schoolCode,
        String schoolName,
        String inspector,
        LocalDate date,
        BigDecimal tolerance,
        long reportRevision,
        String recordedBy,
        Instant recordedAt,
        List<Difference> differences) {

    /**
     * @param deviation (observed − reported) / reported, null when reported is 0
     * @param problemId the INSPECTION problem the difference became, when beyond the tolerance
     */
    public record Difference(String field, BigDecimal reported, BigDecimal observed, BigDecimal deviation,
            boolean beyondTolerance, Long problemId) {
    }

    /** Inspections of a county's year, and the schools whose figures differ beyond the tolerance (弄虚作假 veto list). */
    public record InspectionList(List<InspectionView> inspections, List<FalsificationCandidate> falsificationCandidates) {
    }

    public record FalsificationCandidate(String schoolCode, String schoolName, List<String> fields) {
    }
}
