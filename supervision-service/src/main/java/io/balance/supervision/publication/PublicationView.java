package io.balance.supervision.publication;

import io.balance.supervision.review.ReviewStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public announcement (公示) of a county's year: the frozen figures of record (the province's snapshot),
 * the objection window and what became of it. Nothing here is live data.
 *
 * @param verdict         the frozen verdict (PASS, FAIL or INCOMPLETE) under {@code ruleSet}
 * @param recognitionRate the frozen recognition rate (社会认可度), null when none was measured
 * @param windowOpen      whether objections are taken now
 */
public record PublicationView(
        String countyCode,
        int year,
        ReviewStage stage,
        String verdict,
        String ruleSet,
        int snapshotVersion,
        String snapshotDigest,
        Instant publishedAt,
        LocalDate windowCloses,
        boolean windowOpen,
        List<StageFigures> stages,
        Double recognitionRate,
        ProblemCounts problems,
        Objections.Tally objections) {

    public record StageFigures(String stage, List<IndicatorFigure> indicators) {
    }

    public record IndicatorFigure(String id, String name, String unit, Double countyValue, Double standard, Double cv,
            Double cvLimit, Boolean pass) {
    }

    /** Problems found in the ledger and those verified (销号), as frozen. */
    public record ProblemCounts(long found, long verified) {
    }
}
