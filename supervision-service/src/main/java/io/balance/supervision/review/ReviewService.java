package io.balance.supervision.review;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.Today;
import io.balance.supervision.problem.ProblemRepository;
import io.balance.supervision.problem.ProblemStatus;
import io.balance.supervision.problem.Source;
import io.balance.supervision.publication.Objections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The review's steps, each in one transaction with its history row, its snapshot and its event. Access is
 * checked here through {@link ReviewAccess} because who may act depends on the stage the process is at.
 */
@ApplicationScoped
public class ReviewService {
    @Inject
    ReviewRepository repo;
    @Inject
    SnapshotService snapshots;
    @Inject
    ReviewEvents events;
    @Inject
    LedgerEntries ledger;
    @Inject
    ReviewConfig config;
    @Inject
    ProblemRepository problems;
    @Inject
    Objections objections;
    @Inject
    Today today;
    @Inject
    WorkingDays workingDays;

    /** The county submits its self-evaluation: the figures are frozen (a new version each time) and the city decides. */
    @Transactional
    public ReviewView submit(String county, int year, String comments, ReviewAccess who) throws SQLException {
        who.requireSubmit(county);
        try (Connection c = repo.connection()) {
            repo.ensure(c, county, year);
            ReviewRepository.Process p = repo.find(c, county, year, true);
            if (p.stage() != ReviewStage.SELF_EVALUATION) {
                throw ProblemException.conflict("invalid-stage", "county " + county + " " + year + " is at " + p.stage()
                        + ": a self-evaluation is submitted only at SELF_EVALUATION");
            }
            ReviewRepository.Snapshot snap = freeze(c, p, ReviewStage.SELF_EVALUATION, who.actor());
            ReviewRepository.Process next = p.next(ReviewStage.CITY_REVIEW, "OPEN").withVerdict(verdictOf(snap));
            step(c, next, p.stage(), "SUBMITTED", comments, snap, who);
        }
        return view(county, year);
    }

    /** The next level decides: PASS forwards the county (freezing the figures it accepted), RETURN sends it back. */
    @Transactional
    public ReviewView decide(String county, int year, ReviewRequests.DecisionRequest in, ReviewAccess who)
            throws SQLException {
        who.requireRead(county);
        try (Connection c = repo.connection()) {
            ReviewRepository.Process p = repo.find(c, county, year, true);
            ReviewStage stage = p == null ? ReviewStage.SELF_EVALUATION : p.stage();
            if (stage != ReviewStage.CITY_REVIEW && stage != ReviewStage.PROVINCE_EVALUATION || !"OPEN".equals(p.status())) {
                who.requireDecide(county, stage == ReviewStage.SELF_EVALUATION ? ReviewStage.CITY_REVIEW : stage);
                throw ProblemException.conflict("invalid-stage", "county " + county + " " + year + " is at " + stage
                        + (p != null && "PASSED".equals(p.status()) ? " (passed, to be published)" : "")
                        + ": there is no decision to take");
            }
            who.requireDecide(county, stage);
            requireOtherPerson(c, county, year, who);
            if (in.decision() == ReviewRequests.Decision.RETURN) {
                if (in.comments() == null || in.comments().isBlank()) {
                    throw ProblemException.validation(List.of(new FieldError("comments", "a return needs comments")));
                }
                ReviewRepository.Process next = p.next(ReviewStage.SELF_EVALUATION, "OPEN");
                step(c, next, stage, "RETURNED", in.comments(), null, who);
                for (ReviewRequests.ReturnedProblem rp : in.problems() == null ? List.<ReviewRequests.ReturnedProblem>of() : in.problems()) {
                    ledger.add(c, new LedgerEntries.Entry(Source.MANUAL, null, county, year, rp.schoolCode(), null,
                            rp.ref(), rp.title(), null), who.actor(), who.actorRole(), "退回意见: " + in.comments());
                }
            } else {
                ReviewRepository.Snapshot snap = freeze(c, p, stage, who.actor());
                ReviewRepository.Process next = stage == ReviewStage.CITY_REVIEW
                        ? p.next(ReviewStage.PROVINCE_EVALUATION, "OPEN") : p.next(ReviewStage.PROVINCE_EVALUATION, "PASSED");
                step(c, next.withVerdict(verdictOf(snap)), stage, "PASSED", in.comments(), snap, who);
            }
        }
        return view(county, year);
    }

    /** The province publishes a passed county (公示) for {@code days} working days of objections. */
    @Transactional
    public ReviewView publish(String county, int year, Integer days, ReviewAccess who) throws SQLException {
        who.requireDecide(county, ReviewStage.PUBLICATION);
        try (Connection c = repo.connection()) {
            ReviewRepository.Process p = repo.find(c, county, year, true);
            if (p == null || p.stage() != ReviewStage.PROVINCE_EVALUATION || !"PASSED".equals(p.status())) {
                throw ProblemException.conflict("invalid-stage", "county " + county + " " + year + " is at "
                        + (p == null ? ReviewStage.SELF_EVALUATION : p.stage())
                        + ": only a county the province has passed is published");
            }
            int window = days == null ? config.objectionWindowDays() : days;
            ReviewRepository.Process next = p.next(ReviewStage.PUBLICATION, "OPEN")
                    .published(Instant.now(), workingDays.after(today.date(), window));
            step(c, next, p.stage(), "PUBLISHED", window + " 个工作日公示", null, who);
        }
        return view(county, year);
    }

    /**
     * Ends a publication whose window has closed: with an upheld objection the province evaluates again; with an
     * objection still undecided it waits; otherwise RECOGNISED when the frozen verdict is PASS, else NOT_RECOGNISED.
     */
    @Transactional
    public boolean closeIfDue(String county, int year) throws SQLException {
        try (Connection c = repo.connection()) {
            ReviewRepository.Process p = repo.find(c, county, year, true);
            if (p == null || p.stage() != ReviewStage.PUBLICATION || !today.date().isAfter(p.windowCloses())) {
                return false;
            }
            Objections.Tally tally = objections.tally(c, county, year);
            if (tally.upheld() > 0) {
                step(c, p.next(ReviewStage.PROVINCE_EVALUATION, "OPEN"), p.stage(), "REOPENED",
                        tally.upheld() + " 条异议成立，省级重新评估", null, null);
                return true;
            }
            if (tally.pending() > 0) {
                return false;
            }
            ReviewStage end = "PASS".equals(p.verdict()) ? ReviewStage.RECOGNISED : ReviewStage.NOT_RECOGNISED;
            step(c, p.next(end, "OPEN"), p.stage(), end.name(), "公示期满，无成立的异议", null, null);
            return true;
        }
    }

    public ReviewView view(String county, int year) throws SQLException {
        try (Connection c = repo.connection()) {
            ReviewRepository.Process p = repo.find(c, county, year, false);
            if (p == null) {
                return new ReviewView(county, year, ReviewStage.SELF_EVALUATION, "OPEN", 0, null, null, null, null,
                        List.of(), List.of(), List.of());
            }
            List<ReviewRepository.Snapshot> snaps = repo.snapshots(c, county, year, null);
            List<ReviewView.OpenProblem> open = p.stage() != ReviewStage.NOT_RECOGNISED ? List.of()
                    : problems.all(county, year, today.date()).stream().filter(x -> x.status() != ProblemStatus.VERIFIED)
                            .map(x -> new ReviewView.OpenProblem(x.id(), x.title(), x.schoolCode(), x.status().name()))
                            .toList();
            return new ReviewView(county, year, p.stage(), p.status(), p.revision(), p.verdict(),
                    snaps.isEmpty() ? null : snaps.get(snaps.size() - 1).digest(), p.publishedAt(), p.windowCloses(),
                    repo.steps(c, county, year), snaps.stream().map(ReviewRepository.Snapshot::ref).toList(), open);
        }
    }

    private ReviewRepository.Snapshot freeze(Connection c, ReviewRepository.Process p, ReviewStage stage, String actor)
            throws SQLException {
        int version = repo.nextSnapshotVersion(c, p.countyCode(), p.year());
        ReviewRepository.Snapshot snap = snapshots.take(c, p.countyCode(), p.year(), stage, version, actor, Instant.now());
        repo.insertSnapshot(c, p.countyCode(), p.year(), snap);
        return snap;
    }

    private static String verdictOf(ReviewRepository.Snapshot snap) {
        return SnapshotService.verdictIn(snap.body());
    }

    /** The same person never both submits (or passes) a step and decides the next one. */
    private void requireOtherPerson(Connection c, String county, int year, ReviewAccess who) throws SQLException {
        List<ReviewView.Step> steps = repo.steps(c, county, year);
        if (!steps.isEmpty() && steps.get(steps.size() - 1).actor().equals(who.actor())) {
            throw ProblemException.forbidden(who.actor() + " took the previous step of county " + county + " " + year
                    + " and may not also decide the next");
        }
    }

    private void step(Connection c, ReviewRepository.Process next, ReviewStage from, String action, String comments,
            ReviewRepository.Snapshot snap, ReviewAccess who) throws SQLException {
        repo.save(c, next);
        String actor = who == null ? "system" : who.actor();
        repo.addStep(c, next.countyCode(), next.year(), new ReviewView.Step(Instant.now(), actor,
                who == null ? "SYSTEM" : who.actorRole(), who == null ? "SYSTEM" : who.actorLevel(), action, from,
                next.stage(), comments, snap == null ? null : snap.version()));
        events.changed(c, next, action, actor, snap);
    }
}
