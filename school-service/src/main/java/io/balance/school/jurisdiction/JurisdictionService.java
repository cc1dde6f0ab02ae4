package io.balance.school.jurisdiction;

import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Topics;
import io.balance.kit.caller.Caller;
import io.balance.school.access.Access;
import io.balance.school.common.Errors;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class JurisdictionService {
    private static final List<String> SPLIT = List.of("urbanPopulation", "townPopulation", "ruralPopulation");

    @Inject
    Outbox outbox;
    @Inject
    Access access;

    public record Result(Jurisdiction jurisdiction, boolean created) {
    }

    /** Creates or changes a jurisdiction; emits JurisdictionChangedV1 when something actually changed. */
    @Transactional
    public Result put(String code, JurisdictionInput body, Caller caller) {
        Errors errors = new Errors();
        JurisdictionScope.Level codeLevel = null;
        if (code == null || !code.matches("\\d{6}")) {
            errors.add("code", "must be a 6-digit administrative division code, got \"" + code + "\"");
        } else {
            codeLevel = JurisdictionScope.levelOf(code);
        }
        if (body == null) {
            throw ProblemException.invalid("(body)", "must be a JSON object");
        }
        errors.validate(body, "");
        String name = body.name() == null ? null : body.name().strip();
        Jurisdiction.Level level = errors.has("level") ? null : Jurisdiction.Level.valueOf(body.level());
        String parentCode = body.parentCode();
        Long population = errors.has("residentPopulation") ? null : body.residentPopulation();
        if (level == Jurisdiction.Level.COUNTY && body.residentPopulation() == null) {
            errors.add("residentPopulation", "is required for a county");
        }
        List<Long> split = populationSplit(body, level, population, errors);
        if (body.code() != null && !body.code().equals(code)) {
            errors.add("code", "the body's code differs from the path's code " + code);
        }
        if (codeLevel != null && level != null && !codeLevel.name().equals(level.name())) {
            errors.add("level", "code " + code + " is a " + codeLevel + " code (PP0000 province, PPCC00 city,"
                    + " PPCCXX county), not a " + level);
        }
        errors.throwIfAny();

        // scope before existence checks of the parent: what the caller may not read is not there for it
        if (!access.canEditDivision(code, codeLevel)) {
            if (caller.canReadDivision(code)) {
                throw ProblemException.forbidden(level == Jurisdiction.Level.PROVINCE
                        ? "only a system administrator creates or changes provinces"
                        : "your role may not change jurisdictions");
            }
            throw ProblemException.notFound("no jurisdiction " + code);
        }
        if (level == Jurisdiction.Level.PROVINCE) {
            if (parentCode != null) {
                errors.add("parentCode", "a province has no parent");
            }
        } else if (parentCode == null) {
            errors.add("parentCode", "is required for a " + level);
        } else {
            Jurisdiction parent = Jurisdiction.findById(parentCode);
            if (parent == null || !caller.canReadDivision(parentCode)) {
                errors.add("parentCode", "unknown jurisdiction " + parentCode);
            } else if (parent.level.ordinal() >= level.ordinal() || !JurisdictionScope.covers(parentCode, code)) {
                errors.add("parentCode", parentCode + " (" + parent.level + ") cannot contain " + code + " (" + level + ")");
            }
        }
        errors.throwIfAny();

        Jurisdiction j = Jurisdiction.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = j == null;
        Instant now = Instant.now();
        if (created) {
            j = new Jurisdiction();
            j.code = code;
            j.level = level;
            j.createdAt = now;
            j.revision = 0;
        } else if (Objects.equals(j.name, name) && Objects.equals(j.parentCode, parentCode)
                && Objects.equals(j.residentPopulation, population) && Objects.equals(j.urbanPopulation, split.get(0))
                && Objects.equals(j.townPopulation, split.get(1)) && Objects.equals(j.ruralPopulation, split.get(2))) {
            return new Result(j, false); // unchanged: no new revision, no event
        }
        j.name = name;
        j.parentCode = parentCode;
        j.residentPopulation = population;
        j.urbanPopulation = split.get(0);
        j.townPopulation = split.get(1);
        j.ruralPopulation = split.get(2);
        j.revision++;
        j.updatedAt = now;
        j.updatedBy = caller.name();
        if (created) {
            j.persist();
        }
        String eventId = Outbox.newEventId();
        outbox.add(eventId, Topics.JURISDICTIONS, code, j.revision, new JurisdictionChangedV1(eventId,
                JurisdictionChangedV1.SCHEMA_VERSION, now, code, j.revision, name, level.name(), parentCode,
                population, split.get(0), split.get(1), split.get(2)));
        return new Result(j, created);
    }

    /**
     * Urban / town / rural resident population (城区 / 镇区 / 乡村): a county's, all three or none, adding up to its
     * resident population (the three areas partition it). Three nulls when not given.
     */
    private static List<Long> populationSplit(JurisdictionInput body, Jurisdiction.Level level, Long population,
                                              Errors errors) {
        List<Long> given = java.util.Arrays.asList(body.urbanPopulation(), body.townPopulation(), body.ruralPopulation());
        boolean any = given.stream().anyMatch(Objects::nonNull);
        List<Long> split = new ArrayList<>();
        for (int i = 0; i < SPLIT.size(); i++) {
            split.add(errors.has(SPLIT.get(i)) ? null : given.get(i));
        }
        if (!any || SPLIT.stream().anyMatch(errors::has)) {
            return split;
        }
        if (level != null && level != Jurisdiction.Level.COUNTY) {
            errors.add(SPLIT.get(0), "the urban / town / rural split is recorded for counties only");
        } else if (split.contains(null)) {
            SPLIT.stream().filter(f -> given.get(SPLIT.indexOf(f)) == null)
                    .forEach(f -> errors.add(f, "is required when any of urbanPopulation, townPopulation and"
                            + " ruralPopulation is given"));
        } else if (population != null && split.stream().mapToLong(Long::longValue).sum() != population) {
            errors.add("ruralPopulation", "urbanPopulation + townPopulation + ruralPopulation = "
                    + split.stream().mapToLong(Long::longValue).sum() + " must equal residentPopulation " + population);
        }
        return split;
    }
}
