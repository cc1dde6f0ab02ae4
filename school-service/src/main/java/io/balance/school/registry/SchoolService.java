package io.balance.school.registry;

import io.balance.contracts.Role;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.Topics;
import io.balance.kit.caller.Caller;
import io.balance.school.access.Access;
import io.balance.school.common.Errors;
import io.balance.kit.problem.ProblemException;
import io.balance.school.jurisdiction.Jurisdiction;
import io.balance.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

@ApplicationScoped
public class SchoolService {
    @Inject
    Outbox outbox;
    @Inject
    Access access;

    public record Result(School school, boolean created, boolean changed) {
    }

    @Transactional
    public Result put(String code, SchoolRequest body, Caller caller) {
        if (code == null || !code.matches("\\d{10}")) {
            throw ProblemException.invalid("schoolCode", "must be a 10-digit school identifier (学校标识码), got \"" + code + "\"");
        }
        Errors errors = new Errors();
        SchoolInput input = SchoolInput.from(body, "", true, errors);
        if (body != null && body.schoolCode() != null && !code.equals(body.schoolCode())) {
            errors.add("schoolCode", "the body's schoolCode differs from the path's " + code);
        }
        errors.throwIfAny();

        School existing = School.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && !caller.canReadSchool(code, existing.countyCode)) {
            throw ProblemException.notFound("no school " + code);
        }
        Role role = caller.role();
        if (role != Role.SYSTEM_ADMIN && role != Role.PROVINCE_ADMIN && role != Role.COUNTY_ADMIN) {
            throw ProblemException.forbidden("your role may not register or change schools");
        }
        requireCounty(input.countyCode(), caller, "countyCode");
        if (!access.canEditRegistry(input.countyCode())
                || (existing != null && !access.canEditRegistry(existing.countyCode))) {
            throw ProblemException.forbidden("you may not change schools of county " + input.countyCode());
        }
        return upsert(code, input, existing, caller.name());
    }

    /** The county must exist, be a county, and be visible to the caller; otherwise a 400 naming {@code field}. */
    public static Jurisdiction requireCounty(String countyCode, Caller caller, String field) {
        Jurisdiction county = Jurisdiction.findById(countyCode);
        if (county == null || !caller.canReadDivision(countyCode)) {
            throw ProblemException.invalid(field, "unknown county " + countyCode);
        }
        if (county.level != Jurisdiction.Level.COUNTY) {
            throw ProblemException.invalid(field, countyCode + " is a " + county.level + ", not a county");
        }
        return county;
    }

    /** Creates or changes the school (already locked or known absent) and queues SchoolChangedV1 if it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result upsert(String code, SchoolInput input, School existing, String actor) {
        Instant now = Instant.now();
        School s = existing;
        boolean created = s == null;
        if (created) {
            s = new School();
            s.code = code;
            s.createdAt = now;
            s.revision = 0;
        } else if (input.sameAs(s)) {
            return new Result(s, false, false);
        }
        s.name = input.name();
        s.countyCode = input.countyCode();
        s.type = input.type();
        s.location = input.location();
        s.publicSchool = input.publicSchool();
        s.boarding = input.boarding();
        s.revision++;
        s.updatedAt = now;
        s.updatedBy = actor;
        if (created) {
            s.persist();
        }
        String eventId = Outbox.newEventId();
        outbox.add(eventId, Topics.SCHOOL_REGISTRY, code, s.revision, new SchoolChangedV1(eventId,
                SchoolChangedV1.SCHEMA_VERSION, now, code, s.revision, s.toV1()));
        return new Result(s, created, true);
    }
}
