package io.balance.indicator.ruleset;

import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.kit.problem.FieldError;
import io.balance.indicator.finding.FindingCatalogue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of a rule set's assurance, quality and vetoChecks lists: ids, names, types and each type's params. */
final class CheckValidator {
    private final List<FieldError> errors;

    private CheckValidator(List<FieldError> errors) {
        this.errors = errors;
    }

    /** Adds a problem naming its field (e.g. {@code assurance[3].params.limits}) to {@code errors} for each fault. */
    static void validate(String part, List<RuleSet.Check> checks, List<FieldError> errors) {
        new CheckValidator(errors).checks(part, checks);
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private void checks(String part, List<RuleSet.Check> checks) {
        if (checks == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            RuleSet.Check c = checks.get(i);
            String f = part + "[" + i + "]";
            if (c.id() == null || c.id().isBlank() || !ids.add(c.id())) {
                error(f + ".id", "must be unique and not blank");
            }
            if (c.name() == null || c.name().isBlank()) {
                error(f + ".name", "must not be blank");
            }
            if (c.type() == null) {
                error(f + ".type", "must be one of " + java.util.Arrays.toString(CheckType.values()));
                continue;
            }
            Map<String, Object> p = c.params() == null ? Map.of() : c.params();
            for (var e : p.entrySet()) {
                if (e.getValue() instanceof Number n && n.doubleValue() < 0) {
                    error(f + ".params." + e.getKey(), "must not be negative");
                }
            }
            switch (c.type()) {
                case INPUTS -> {
                    for (String key : stringList(p.get("findings"), f + ".params.findings")) {
                        if (!FindingCatalogue.FINDINGS.containsKey(key)) {
                            error(f + ".params.findings", "unknown finding " + key);
                        }
                    }
                    if (p.get("minimums") instanceof Map<?, ?> m) {
                        for (var e : m.entrySet()) {
                            if (!FindingCatalogue.FIGURES.containsKey(String.valueOf(e.getKey())) || !(e.getValue() instanceof Number)) {
                                error(f + ".params.minimums." + e.getKey(), "must be a known figure with a number");
                            }
                        }
                    }
                    if (p.get("comparisons") instanceof List<?> l) {
                        for (Object o : l) {
                            if (!(o instanceof Map<?, ?> m) || !FindingCatalogue.FIGURES.containsKey(String.valueOf(m.get("figure")))
                                    || !FindingCatalogue.FIGURES.containsKey(String.valueOf(m.get("atLeast")))) {
                                error(f + ".params.comparisons", "each must be {figure, atLeast} of known figures");
                            }
                        }
                    }
                    if (p.get("findings") == null && p.get("minimums") == null && p.get("comparisons") == null) {
                        error(f + ".params", "INPUTS needs findings, minimums or comparisons");
                    }
                }
                case TEACHER_SHARE -> {
                    if (!ReportFields.TEACHER_FIELDS.contains(String.valueOf(p.get("numerator")))) {
                        error(f + ".params.numerator", "must be a teacher field " + ReportFields.TEACHER_FIELDS);
                    }
                }
                case SCHOOL_SIZE, CLASS_SIZE, PUPIL_TEACHER_RATIO -> {
                    String key = c.type() == CheckType.PUPIL_TEACHER_RATIO ? "maxStudentsPerTeacher" : "limits";
                    Set<String> allowed = c.type() == CheckType.SCHOOL_SIZE ? RuleSetValidator.SCHOOL_TYPES : Set.copyOf(Stages.COMPULSORY);
                    if (!(p.get(key) instanceof Map<?, ?> m) || m.isEmpty()) {
                        error(f + ".params." + key, "must map " + allowed + " to positive numbers");
                    } else {
                        for (var e : m.entrySet()) {
                            if (!allowed.contains(String.valueOf(e.getKey())) || !(e.getValue() instanceof Number n)
                                    || n.doubleValue() <= 0) {
                                error(f + ".params." + key + "." + e.getKey(), "must map " + allowed + " to positive numbers");
                            }
                        }
                    }
                }
                case SPECIAL_ROOMS -> {
                    if (!(p.get("required") instanceof Map<?, ?> m) || m.isEmpty()) {
                        error(f + ".params.required", "must map PRIMARY/JUNIOR to lists of special-room categories");
                    } else {
                        for (var e : m.entrySet()) {
                            String where = f + ".params.required." + e.getKey();
                            if (!Stages.COMPULSORY.contains(String.valueOf(e.getKey())) || !(e.getValue() instanceof List<?> l)) {
                                error(where, "must map PRIMARY/JUNIOR to lists of special-room categories");
                                continue;
                            }
                            for (Object room : l) {
                                if (java.util.Arrays.stream(io.balance.contracts.AnnualReportV1.SpecialRoom.values())
                                        .noneMatch(r -> r.name().equals(room))) {
                                    error(where, "unknown special-room category " + room);
                                }
                            }
                        }
                    }
                }
                case THREE_GROWTHS, TWO_NO_DECREASE -> {
                    Object years = p.getOrDefault("years", 1);
                    Object maxMissed = p.getOrDefault("maxMissedYears", 0);
                    boolean yearsOk = years instanceof Integer y && y >= 1 && y <= RuleSetValidator.MAX_GROWTH_YEARS;
                    if (!yearsOk) {
                        error(f + ".params.years", "must be a whole number of years from 1 to " + RuleSetValidator.MAX_GROWTH_YEARS);
                    }
                    if (!(maxMissed instanceof Integer m && m >= 0 && (!yearsOk || m < (Integer) years))) {
                        error(f + ".params.maxMissedYears", "must be a whole number from 0 to years − 1 (never PASS on nothing)");
                    }
                }
                case DISABLED_PUPIL_FUNDING, BOARDING_FUNDING, SCHOOL_SCORES, GOVERNMENT_WORK_SCORE, MUSIC_ART_ROOMS, SMALL_SCHOOL_FUNDING, SPECIAL_EDUCATION_FUNDING, ROTATION, RETENTION, TRAINING_FUNDS,
                        MONITORING -> {
                    // numeric parameters with defaults; negatives rejected above
                }
            }
        }
    }

    private List<String> stringList(Object o, String field) {
        List<String> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof List<?> l)) {
            error(field, "must be a list");
            return out;
        }
        for (Object e : l) {
            out.add(String.valueOf(e));
        }
        return out;
    }
}
