package io.balance.school.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Topics;
import io.balance.kit.caller.Caller;
import io.balance.school.access.Access;
import io.balance.school.common.Errors;
import io.balance.school.common.Json;
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
import java.util.Set;

@ApplicationScoped
public class JurisdictionService {
    private static final Set<String> FIELDS = Set.of("name", "level", "parentCode", "residentPopulation", "code",
            "urbanPopulation", "townPopulation", "ruralPopulation");
    private static final List<String> SPLIT = List.of("urbanPopulation", "townPopulation", "ruralPopulation");
    /** China's population is about 1.41 billion; a single division above that is a typo. */
    private static final long MAX_POPULATION = 1_500_000_000L;

    @Inject
    Outbox outbox;
    @Inject
    Access access;

    public record Result(Jurisdiction jurisdiction, boolean created) {
    }

    /** Creates or changes a jurisdiction; emits JurisdictionChangedV1 when something actually changed. */
    @Transactional
    public Result put(String code, String body, Caller caller) {
        Errors errors = new Errors();
        JurisdictionScope.Level codeLevel = null;
        if (code == null || !code.matches("\\d{6}")) {
            errors.add("code", "must be a 6-digit administrative division code, got \"" + code + "\"");
        } else {
            codeLevel = JurisdictionScope.levelOf(code);
        }
        JsonNode root = Json.parse(body);
        if (!root.isObject()) {
            throw ProblemException.invalid("(body)", "must be a JSON object");
        }
        Json.rejectUnknown(root, "", FIELDS, errors);
        String name = Json.text(root, "name", "", true, 100, errors);
        Jurisdiction.Level level = Json.enumeration(root, "level", "", true, Jurisdiction.Level.class,
                v -> Json.byName(Jurisdiction.Level.class, v), errors);
        String parentCode = Json.code(root, "parentCode", "", false, 6, errors);
        Long population = Json.integer(root.get("residentPopulation"), "residentPopulation",
                level == Jurisdiction.Level.COUNTY, 0, MAX_POPULATION, errors);
        List<Long> split = populationSplit(root, level, population, errors);
        if (root.hasNonNull("code") && root.get("code").isTextual() && !root.get("code").asText().equals(code)) {
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
    private static List<Long> populationSplit(JsonNode root, Jurisdiction.Level level, Long population, Errors errors) {
        List<Long> split = new ArrayList<>();
        boolean any = false;
        for (String field : SPLIT) {
            Long n = Json.integer(root.get(field), field, false, 0, MAX_POPULATION, errors);
            any |= root.has(field) && !root.get(field).isNull();
            split.add(n);
        }
        if (!any) {
            return split;
        }
        if (level != null && level != Jurisdiction.Level.COUNTY) {
            errors.add(SPLIT.get(0), "the urban / town / rural split is recorded for counties only");
        } else if (split.contains(null)) {
            SPLIT.stream().filter(f -> !root.hasNonNull(f))
                    .forEach(f -> errors.add(f, "is required when any of urbanPopulation, townPopulation and"
                            + " ruralPopulation is given"));
        } else if (population != null && split.stream().mapToLong(Long::longValue).sum() != population) {
            errors.add("ruralPopulation", "urbanPopulation + townPopulation + ruralPopulation = "
                    + split.stream().mapToLong(Long::longValue).sum() + " must equal residentPopulation " + population);
        }
        return split;
    }
}
