package io.balance.school.report;

import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.ReportApprovedV1;
import io.balance.contracts.Topics;
import io.balance.kit.caller.Caller;
import io.balance.school.access.Access;
import io.balance.school.common.Errors;
import io.balance.school.common.Json;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.outbox.Outbox;
import io.balance.school.registry.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The review workflow. Every change of a school's reports happens under a lock on the school's row, so
 * concurrent requests for one school are serialised and revision numbers never collide.
 */
@ApplicationScoped
public class ReportService {
    public static final String API = "api";

    @Inject
    Outbox outbox;
    @Inject
    Access access;

    public record PutResult(ReportRevision revision, boolean created) {
    }

    @Transactional
    public PutResult put(String schoolCode, String yearParam, ReportInput body, Caller caller) {
        School school = lockReadable(schoolCode, caller);
        if (!access.canEditReport(school.code, school.countyCode)) {
            throw ProblemException.forbidden("you may read but not change the reports of school " + schoolCode);
        }
        Errors errors = new Errors();
        int year = parseYear(yearParam, errors);
        AnnualReportV1 report = ReportValidator.validate(body, school.type, "", errors);
        errors.throwIfAny();
        return writeDraft(school, year, report, ReportRevision.latest(school.code, year), caller.name(), API);
    }

    @Transactional
    public ReportRevision submit(String schoolCode, String yearParam, Caller caller) {
        School school = lockReadable(schoolCode, caller);
        if (!access.canEditReport(school.code, school.countyCode)) {
            throw ProblemException.forbidden("you may read but not submit the reports of school " + schoolCode);
        }
        int year = year(yearParam);
        return submit(existing(school, year), caller.name(), API);
    }

    @Transactional
    public ReportRevision approve(String schoolCode, String yearParam, Caller caller) {
        School school = lockReadable(schoolCode, caller);
        if (!access.canReview(school.countyCode)) {
            throw ProblemException.forbidden("only the county, the province or a system administrator approves reports");
        }
        int year = year(yearParam);
        ReportRevision r = existing(school, year);
        requireStatus(r, ReportStatus.SUBMITTED, "approved");
        Instant now = Instant.now();
        r.status = ReportStatus.APPROVED;
        r.approvedAt = now;
        r.approvedBy = caller.name();
        r.updatedAt = now;
        r.updatedBy = caller.name();
        transition(r, ReportTransition.Action.APPROVED, ReportStatus.SUBMITTED, caller.name(), now, null, API);
        String eventId = Outbox.newEventId();
        outbox.add(eventId, Topics.SCHOOL_REPORTS, school.code, r.revision, new ReportApprovedV1(eventId,
                ReportApprovedV1.SCHEMA_VERSION, now, school.code, year, r.revision, school.toV1(), r.report(),
                caller.name(), now));
        return r;
    }

    @Transactional
    public ReportRevision reject(String schoolCode, String yearParam, ReportResource.RejectBody body, Caller caller) {
        School school = lockReadable(schoolCode, caller);
        if (!access.canReview(school.countyCode)) {
            throw ProblemException.forbidden("only the county, the province or a system administrator rejects reports");
        }
        Errors errors = new Errors();
        int year = parseYear(yearParam, errors);
        if (body == null) {
            errors.add("(body)", "must be a JSON object {\"reason\": \"...\"}");
        } else {
            errors.validate(body, "");
        }
        errors.throwIfAny();
        String reason = body.reason().strip();
        ReportRevision r = existing(school, year);
        requireStatus(r, ReportStatus.SUBMITTED, "rejected");
        Instant now = Instant.now();
        r.status = ReportStatus.DRAFT;
        r.rejectionReason = reason;
        r.updatedAt = now;
        r.updatedBy = caller.name();
        transition(r, ReportTransition.Action.REJECTED, ReportStatus.SUBMITTED, caller.name(), now, reason, API);
        return r;
    }

    /** Creates or replaces the DRAFT; after approval a new revision starts and the approved one keeps counting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PutResult writeDraft(School school, int year, AnnualReportV1 report, ReportRevision latest,
                                String actor, String source) {
        Instant now = Instant.now();
        String body = Json.write(report);
        if (latest != null && latest.status == ReportStatus.DRAFT) {
            latest.body = body;
            latest.updatedAt = now;
            latest.updatedBy = actor;
            transition(latest, ReportTransition.Action.UPDATED, ReportStatus.DRAFT, actor, now, null, source);
            return new PutResult(latest, false);
        }
        if (latest != null && latest.status == ReportStatus.SUBMITTED) {
            throw ProblemException.conflict("revision " + latest.revision + " of the " + year
                    + " report is SUBMITTED and under review; it can be changed once it is rejected");
        }
        ReportRevision r = new ReportRevision();
        r.schoolCode = school.code;
        r.year = year;
        r.revision = latest == null ? 1 : latest.revision + 1;
        r.status = ReportStatus.DRAFT;
        r.body = body;
        r.createdAt = now;
        r.createdBy = actor;
        r.updatedAt = now;
        r.updatedBy = actor;
        r.persist();
        transition(r, latest == null ? ReportTransition.Action.CREATED : ReportTransition.Action.REVISION_STARTED,
                null, actor, now, null, source);
        return new PutResult(r, true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ReportRevision submit(ReportRevision r, String actor, String source) {
        requireStatus(r, ReportStatus.DRAFT, "submitted");
        Instant now = Instant.now();
        r.status = ReportStatus.SUBMITTED;
        r.submittedAt = now;
        r.submittedBy = actor;
        r.updatedAt = now;
        r.updatedBy = actor;
        transition(r, ReportTransition.Action.SUBMITTED, ReportStatus.DRAFT, actor, now, null, source);
        return r;
    }

    private static void requireStatus(ReportRevision r, ReportStatus expected, String verb) {
        if (r.status != expected) {
            throw ProblemException.conflict("revision " + r.revision + " of the " + r.year + " report is "
                    + r.status + "; only a " + expected + " report can be " + verb);
        }
    }

    private static void transition(ReportRevision r, ReportTransition.Action action, ReportStatus from, String actor,
                                   Instant at, String reason, String source) {
        ReportTransition t = new ReportTransition();
        t.schoolCode = r.schoolCode;
        t.year = r.year;
        t.revision = r.revision;
        t.action = action;
        t.fromStatus = from;
        t.toStatus = r.status;
        t.actor = actor;
        t.at = at;
        t.reason = reason;
        t.source = source;
        t.persist();
    }

    private static School lockReadable(String schoolCode, Caller caller) {
        School school = schoolCode != null && schoolCode.matches("\\d{10}")
                ? School.findById(schoolCode, LockModeType.PESSIMISTIC_WRITE) : null;
        if (school == null || !caller.canReadSchool(schoolCode, school.countyCode)) {
            throw ProblemException.notFound("no school " + schoolCode);
        }
        return school;
    }

    private static ReportRevision existing(School school, int year) {
        ReportRevision r = ReportRevision.latest(school.code, year);
        if (r == null) {
            throw ProblemException.notFound("school " + school.code + " has no report for " + year);
        }
        return r;
    }

    static int year(String param) {
        Errors errors = new Errors();
        int year = parseYear(param, errors);
        errors.throwIfAny();
        return year;
    }

    public static int parseYear(String param, Errors errors) {
        try {
            int year = Integer.parseInt(param);
            ReportValidator.checkYear(year, "year", errors);
            return year;
        } catch (NumberFormatException e) {
            errors.add("year", "must be a school year such as 2025, got \"" + param + "\"");
            return 0;
        }
    }

    // ---- reading

    public ReportView current(String schoolCode, String yearParam, Caller caller) {
        School school = readable(schoolCode, caller);
        int year = year(yearParam);
        ReportRevision r = ReportRevision.latest(school.code, year);
        if (r == null) {
            throw ProblemException.notFound("school " + schoolCode + " has no report for " + year);
        }
        return ReportView.of(r, countingRevision(r));
    }

    public ReportView approved(String schoolCode, String yearParam, Caller caller) {
        School school = readable(schoolCode, caller);
        int year = year(yearParam);
        ReportRevision r = ReportRevision.latestApproved(school.code, year);
        if (r == null) {
            throw ProblemException.notFound("school " + schoolCode + " has no approved report for " + year);
        }
        return ReportView.of(r, r.revision);
    }

    public ReportView revision(String schoolCode, String yearParam, String revisionParam, Caller caller) {
        School school = readable(schoolCode, caller);
        int year = year(yearParam);
        ReportRevision r = null;
        if (revisionParam != null && revisionParam.matches("\\d{1,6}")) {
            r = ReportRevision.find("schoolCode = ?1 and year = ?2 and revision = ?3", school.code, year,
                    Integer.parseInt(revisionParam)).firstResult();
        }
        if (r == null) {
            throw ProblemException.notFound("no revision " + revisionParam + " of the " + year + " report");
        }
        ReportRevision counting = ReportRevision.latestApproved(school.code, year);
        return ReportView.of(r, counting == null ? null : counting.revision);
    }

    public ReportHistory history(String schoolCode, String yearParam, Caller caller) {
        School school = readable(schoolCode, caller);
        int year = year(yearParam);
        List<ReportRevision> revisions = ReportRevision.all(school.code, year);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound("school " + schoolCode + " has no report for " + year);
        }
        List<ReportTransition> transitions = ReportTransition.list(
                "schoolCode = ?1 and year = ?2 order by at, id", school.code, year);
        Integer counting = revisions.stream().filter(r -> r.status == ReportStatus.APPROVED)
                .map(r -> r.revision).reduce((a, b) -> b).orElse(null);
        return new ReportHistory(school.code, year, counting,
                revisions.stream().map(r -> new ReportHistory.Revision(r.revision, r.status, r.createdAt, r.createdBy,
                        r.updatedAt, r.updatedBy, r.submittedAt, r.submittedBy, r.approvedAt, r.approvedBy,
                        r.rejectionReason)).toList(),
                transitions.stream().map(t -> new ReportHistory.Transition(t.revision, t.action, t.fromStatus,
                        t.toStatus, t.actor, t.at, t.reason, t.source)).toList());
    }

    /** The years a school has reports for, each with its current revision and status. */
    public List<ReportView> years(String schoolCode, Caller caller) {
        School school = readable(schoolCode, caller);
        List<ReportRevision> all = ReportRevision.list("schoolCode = ?1 order by year, revision", school.code);
        java.util.Map<Integer, ReportRevision> latest = new java.util.TreeMap<>();
        java.util.Map<Integer, Integer> counting = new java.util.HashMap<>();
        for (ReportRevision r : all) {
            latest.put(r.year, r);
            if (r.status == ReportStatus.APPROVED) {
                counting.put(r.year, r.revision);
            }
        }
        return latest.values().stream().map(r -> ReportView.of(r, counting.get(r.year))).toList();
    }

    private static Integer countingRevision(ReportRevision latest) {
        if (latest.status == ReportStatus.APPROVED) {
            return latest.revision;
        }
        ReportRevision approved = ReportRevision.latestApproved(latest.schoolCode, latest.year);
        return approved == null ? null : approved.revision;
    }

    private static School readable(String schoolCode, Caller caller) {
        School school = schoolCode != null && schoolCode.matches("\\d{10}") ? School.findById(schoolCode) : null;
        if (school == null || !caller.canReadSchool(schoolCode, school.countyCode)) {
            throw ProblemException.notFound("no school " + schoolCode);
        }
        return school;
    }
}
