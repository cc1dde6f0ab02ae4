package io.balance.supervision.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's review for a year: where it stands, every step, and the snapshots of record.
 *
 * @param status          OPEN (waiting for the stage's actor) or PASSED (the province passed it; to be published)
 * @param verdict         the frozen verdict of the latest snapshot (under the ledger's rule set), null before one
 * @param snapshotDigest  the latest snapshot's SHA-256, null before one
 * @param windowCloses    the last day of the objection window while published
 * @param openProblems    when NOT_RECOGNISED: the problems still open when the process ended
 */
public record ReviewView(
        String countyCode,
        int year,
        ReviewStage stage,
        String status,
        long revision,
        String verdict,
        String snapshotDigest,
        Instant publishedAt,
        LocalDate windowCloses,
        List<Step> history,
        List<SnapshotRef> snapshots,
        List<OpenProblem> openProblems) {

    /** One step: who (name, role, level), when, from → to, comments, the snapshot it froze. */
    public record Step(Instant at, String actor, String actorRole, String actorLevel, String action,
            ReviewStage from, ReviewStage to, String comments, Integer snapshotVersion) {
    }

    public record SnapshotRef(int version, ReviewStage stage, String digest, Instant at, String takenBy) {
    }

    public record OpenProblem(long id, String title, String schoolCode, String status) {
    }
}
