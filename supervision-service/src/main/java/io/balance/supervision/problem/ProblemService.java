package io.balance.supervision.problem;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Today;
import io.balance.supervision.department.DepartmentService;
import io.balance.supervision.evidence.EvidenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes people make to the ledger, each in one transaction with its history row and its event: manual
 * problems, assignment, RECTIFIED (note + evidence), VERIFIED (销号, the supervising level only, and for a
 * data-derived problem only once the data shows it met), REOPENED. Access is checked by the caller
 * ({@link ProblemResource}) through {@link LedgerAccess}; the rules on states live here.
 */
@ApplicationScoped
public class ProblemService {
    @Inject
    ProblemRepository problems;
    @Inject
    ProblemEvents events;
    @Inject
    DepartmentService departments;
    @Inject
    EvidenceRepository evidence;
    @Inject
    Today today;

    public ProblemView read(long id) throws SQLException {
        ProblemView p = problems.find(id, false, today.date());
        if (p == null) {
            return null;
        }
        return p.with(evidence.ofProblem(id), problems.history(id));
    }

    @Transactional
    public ProblemView create(String county, ProblemRequests.NewProblem in, String forcedDepartment, LedgerAccess who)
            throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        String department = forcedDepartment != null ? forcedDepartment : in.department();
        if (department != null && !departments.known(county, department)) {
            errors.add(new FieldError("department", "unknown department " + department + " (not in the county's catalogue)"));
        }
        if (in.deadline() != null && in.deadline().isBefore(today.date())) {
            errors.add(new FieldError("deadline", "must not be in the past (today is " + today.date() + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Instant now = Instant.now();
        try (Connection c = problems.connection()) {
            long id = problems.nextIds(c, 1)[0];
            ProblemView p = new ProblemView(id, null, Source.MANUAL, county, in.year(), null, in.schoolCode(), null,
                    in.stage(), in.ref(), in.title(), null,
                    in.gap() == null ? null : new Gap(in.gap().unit(), in.gap().amount()), department, in.owner(),
                    in.deadline(), department != null ? ProblemStatus.RECTIFYING : ProblemStatus.OPEN, null, false, 1,
                    now, now, null, null);
            problems.insert(c, List.of(p));
            record(c, p, "CREATED", null, p.status(), null, assignmentChanges(null, p), who);
            return p;
        }
    }

    @Transactional
    public ProblemView assign(ProblemView old, ProblemRequests.Assignment in, LedgerAccess who) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        if (in.department() != null && !departments.known(old.countyCode(), in.department())) {
            errors.add(new FieldError("department", "unknown department " + in.department() + " (not in the county's catalogue)"));
        }
        if (in.deadline() != null && !in.deadline().equals(old.deadline()) && in.deadline().isBefore(today.date())) {
            errors.add(new FieldError("deadline", "must not be in the past (today is " + today.date() + ")"));
        }
        if (in.department() == null && in.owner() == null && in.deadline() == null) {
            errors.add(new FieldError("", "give department, owner or deadline"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        ProblemStatus to = old.status() == ProblemStatus.OPEN || old.status() == ProblemStatus.REOPENED
                ? ProblemStatus.RECTIFYING : old.status();
        ProblemView p = copy(old, to, or(in.department(), old.department()), or(in.owner(), old.owner()),
                or(in.deadline(), old.deadline()), old.dataStatus());
        try (Connection c = problems.connection()) {
            lock(c, old);
            problems.update(c, List.of(p));
            record(c, p, "ASSIGNED", old.status(), to, null, assignmentChanges(old, p), who);
        }
        return p;
    }

    @Transactional
    public ProblemView rectified(ProblemView old, ProblemRequests.Rectification in, LedgerAccess who) throws SQLException {
        move(old, ProblemStatus.RECTIFIED);
        List<String> unknown = evidence.notOfProblem(old.id(), in.evidence());
        if (!unknown.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (String id : unknown) {
                errors.add(new FieldError("evidence[" + in.evidence().indexOf(id) + "]",
                        "no evidence " + id + " uploaded to problem " + old.id()));
            }
            throw ProblemException.validation(errors);
        }
        ProblemView p = copy(old, ProblemStatus.RECTIFIED, old.department(), old.owner(), old.deadline(), old.dataStatus());
        try (Connection c = problems.connection()) {
            lock(c, old);
            problems.update(c, List.of(p));
            record(c, p, "RECTIFIED", old.status(), p.status(), in.note(),
                    Map.of("evidence", String.join(",", in.evidence())), who);
        }
        return p;
    }

    @Transactional
    public ProblemView verify(ProblemView old, String note, LedgerAccess who) throws SQLException {
        move(old, ProblemStatus.VERIFIED);
        if (old.dataStatus() == DataStatus.NOT_MET) {
            throw ProblemException.conflict("data-not-met", "problem " + old.id()
                    + " cannot be verified: the latest evaluation does not show the item met (dataStatus NOT_MET)");
        }
        ProblemView p = copy(old, ProblemStatus.VERIFIED, old.department(), old.owner(), old.deadline(), old.dataStatus());
        try (Connection c = problems.connection()) {
            lock(c, old);
            problems.update(c, List.of(p));
            record(c, p, "VERIFIED", old.status(), p.status(), note, null, who);
        }
        return p;
    }

    @Transactional
    public ProblemView reopen(ProblemView old, String note, LedgerAccess who) throws SQLException {
        move(old, ProblemStatus.REOPENED);
        ProblemView p = copy(old, ProblemStatus.REOPENED, old.department(), old.owner(), old.deadline(), old.dataStatus());
        try (Connection c = problems.connection()) {
            lock(c, old);
            problems.update(c, List.of(p));
            record(c, p, "REOPENED", old.status(), p.status(), note, null, who);
        }
        return p;
    }

    /** 409 for a move the life cycle does not have. */
    private static void move(ProblemView p, ProblemStatus to) {
        if (!p.status().canMoveTo(to)) {
            throw ProblemException.conflict("invalid-transition", "problem " + p.id() + " is " + p.status()
                    + ": it cannot become " + to + " (allowed: " + p.status().next() + ")");
        }
    }

    /** Re-reads the row under a lock: a concurrent change in between is a 409, not a lost update. */
    private void lock(Connection c, ProblemView old) throws SQLException {
        ProblemView now = problems.find(old.id(), true, today.date());
        if (now == null || now.revision() != old.revision()) {
            throw ProblemException.conflict("concurrent-change", "problem " + old.id() + " changed meanwhile; read it again");
        }
    }

    private void record(Connection c, ProblemView p, String action, ProblemStatus from, ProblemStatus to, String note,
            Map<String, String> changes, LedgerAccess who) throws SQLException {
        problems.addHistory(c, List.of(new ProblemRepository.NewHistory(p.id(), new ProblemView.HistoryEntry(
                p.updatedAt(), who.actor(), who.actorRole(), action, from, to, note,
                changes == null || changes.isEmpty() ? null : changes))));
        events.changed(c, p, action, who.actor());
    }

    private static Map<String, String> assignmentChanges(ProblemView old, ProblemView p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (old == null || !Objects.equals(old.department(), p.department())) {
            put(out, "department", p.department());
        }
        if (old == null || !Objects.equals(old.owner(), p.owner())) {
            put(out, "owner", p.owner());
        }
        if (old == null || !Objects.equals(old.deadline(), p.deadline())) {
            put(out, "deadline", p.deadline() == null ? null : p.deadline().toString());
        }
        return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private ProblemView copy(ProblemView o, ProblemStatus status, String department, String owner, LocalDate deadline,
            DataStatus data) {
        return new ProblemView(o.id(), o.key(), o.source(), o.countyCode(), o.year(), o.ruleSet(), o.schoolCode(),
                o.schoolName(), o.stage(), o.ref(), o.title(), o.hint(), o.gap(), department, owner, deadline, status,
                data, ProblemRepository.overdue(deadline, status, today.date()), o.revision() + 1, o.createdAt(),
                Instant.now(), null, null);
    }
}
