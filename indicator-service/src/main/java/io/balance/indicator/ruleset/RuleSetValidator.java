package io.balance.indicator.ruleset;

import io.balance.contracts.JurisdictionScope;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.kit.problem.FieldError;
import io.balance.indicator.finding.FindingCatalogue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule set is checked before it can be stored or used; every problem names its field. */
public final class RuleSetValidator {
    public static final Set<String> SCHOOL_TYPES = Set.of("PRIMARY", "JUNIOR", "NINE_YEAR", "TWELVE_YEAR",
            "COMPLETE_MIDDLE", "SPECIAL_EDUCATION", "TEACHING_POINT");

    /** Checks comparing years judge at most this many (the inputs hold the evaluation year and 5 before it). */
    public static final int MAX_GROWTH_YEARS = 5;

    private final List<FieldError> errors = new ArrayList<>();

    private RuleSetValidator() {
    }

    public static List<FieldError> validate(RuleSet rs) {
        RuleSetValidator v = new RuleSetValidator();
        v.check(rs);
        return v.errors;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private void check(RuleSet rs) {
        if (rs.code() == null || !rs.code().matches("[A-Z][A-Z0-9_]{2,63}")) {
            error("code", "must be 3–64 upper-case letters, digits or _ starting with a letter");
        }
        if (rs.name() == null || rs.name().isBlank()) {
            error("name", "must not be blank");
        }
        if (rs.jurisdictionCode() != null && !rs.jurisdictionCode().matches("\\d{6}")) {
            error("jurisdictionCode", "must be a 6-digit division code");
        } else if (rs.jurisdictionCode() != null
                && JurisdictionScope.levelOf(rs.jurisdictionCode()) == JurisdictionScope.Level.COUNTY) {
            error("jurisdictionCode", "must be a province or city: rule sets are not per county");
        }
        if (!"QUALITY".equals(rs.kind()) && !"BASIC".equals(rs.kind())) {
            error("kind", "must be QUALITY or BASIC");
        }
        Set<String> stages = new HashSet<>();
        if (rs.stages() == null || rs.stages().isEmpty()) {
            error("stages", "must list PRIMARY and/or JUNIOR");
        } else {
            for (int i = 0; i < rs.stages().size(); i++) {
                if (!Stages.COMPULSORY.contains(rs.stages().get(i)) || !stages.add(rs.stages().get(i))) {
                    error("stages[" + i + "]", "must be PRIMARY or JUNIOR, once");
                }
            }
        }
        if (rs.exclusions() != null) {
            List<String> types = rs.exclusions().schoolTypes() == null ? List.of() : rs.exclusions().schoolTypes();
            for (int i = 0; i < types.size(); i++) {
                if (!SCHOOL_TYPES.contains(types.get(i))) {
                    error("exclusions.schoolTypes[" + i + "]", "unknown school type");
                }
            }
            Integer min = rs.exclusions().teachingPointMinStudents();
            if (min != null && (min < 0 || min > 10_000)) {
                error("exclusions.teachingPointMinStudents", "must be between 0 and 10000");
            }
        }
        if (rs.apportioning() != null) {
            for (var e : rs.apportioning().entrySet()) {
                if (!SCHOOL_TYPES.contains(e.getKey())) {
                    error("apportioning." + e.getKey(), "unknown school type");
                    continue;
                }
                for (var w : e.getValue().entrySet()) {
                    if (!Stages.ALL.contains(w.getKey())) {
                        error("apportioning." + e.getKey() + "." + w.getKey(), "unknown stage");
                    } else if (w.getValue() == null || w.getValue() <= 0 || w.getValue() > 10) {
                        error("apportioning." + e.getKey() + "." + w.getKey(), "weight must be above 0 and at most 10");
                    }
                }
            }
        }
        resources(rs, stages);
        CheckValidator.validate("assurance", rs.assurance(), errors);
        CheckValidator.validate("quality", rs.quality(), errors);
        if (rs.recognition() == null || rs.recognition().minimumRate() == null
                || rs.recognition().minimumRate() <= 0 || rs.recognition().minimumRate() > 1) {
            error("recognition.minimumRate", "must be above 0 and at most 1");
        } else if (rs.recognition().minimumValidReturnRate() != null
                && (rs.recognition().minimumValidReturnRate() < 0 || rs.recognition().minimumValidReturnRate() > 1)) {
            error("recognition.minimumValidReturnRate", "must be between 0 and 1");
        }
        List<String> vetoes = rs.vetoes() == null ? List.of() : rs.vetoes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < vetoes.size(); i++) {
            if (!FindingCatalogue.VETOES.contains(vetoes.get(i)) || !seen.add(vetoes.get(i))) {
                error("vetoes[" + i + "]", "must be a known veto, once: " + FindingCatalogue.VETOES);
            }
        }
        CheckValidator.validate("vetoChecks", rs.vetoChecks(), errors);
        List<RuleSet.Check> vetoChecks = rs.vetoChecks() == null ? List.of() : rs.vetoChecks();
        for (int i = 0; i < vetoChecks.size(); i++) {
            if (vetoChecks.get(i).points() != null) {
                error("vetoChecks[" + i + "].points", "a veto is not scored");
            }
            if (vetoes.contains(vetoChecks.get(i).id())) {
                error("vetoChecks[" + i + "].id", "is also a declared veto in vetoes: a veto is declared or computed, once");
            }
        }
        scoring(rs);
        if (rs.classSizes() != null) {
            Integer large = rs.classSizes().largeClassMin();
            Integer superLarge = rs.classSizes().superLargeClassMin();
            if (large == null || large < 1 || superLarge == null || superLarge < large) {
                error("classSizes", "largeClassMin must be positive and at most superLargeClassMin");
            }
        }
    }

    private void resources(RuleSet rs, Set<String> stages) {
        RuleSet.Resources res = rs.resources();
        if (res == null || res.indicators() == null || res.indicators().isEmpty()) {
            error("resources.indicators", "must list at least one indicator");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < res.indicators().size(); i++) {
            RuleSet.Indicator ind = res.indicators().get(i);
            String f = "resources.indicators[" + i + "]";
            if (ind.id() == null || !ind.id().matches("[A-Z][A-Z0-9_]{0,15}") || !ids.add(ind.id())) {
                error(f + ".id", "must be a unique short upper-case id");
            }
            if (ind.name() == null || ind.name().isBlank()) {
                error(f + ".name", "must not be blank");
            }
            if (!ReportFields.known(ind.numerator())) {
                error(f + ".numerator", "must be teachers.<field> " + ReportFields.TEACHER_FIELDS + " or facilities.<field> "
                        + ReportFields.FACILITY_FIELDS);
            } else if (ReportFields.facilityField(ind.numerator()) != null && !Boolean.TRUE.equals(ind.apportioned())) {
                error(f + ".apportioned", "whole-school facilities must be apportioned to stages");
            } else if (ReportFields.teacherField(ind.numerator()) != null && Boolean.TRUE.equals(ind.apportioned())) {
                error(f + ".apportioned", "teacher counts are reported per stage and are not apportioned");
            }
            if (ind.per() != null && ind.per() != 1 && ind.per() != 100) {
                error(f + ".per", "must be 1 or 100");
            }
            if (ind.unit() == null || ind.unit().isBlank()) {
                error(f + ".unit", "must not be blank");
            }
            if ("QUALITY".equals(rs.kind())) {
                for (String stage : stages) {
                    Double s = ind.standards() == null ? null : ind.standards().get(stage);
                    if (s == null || s <= 0) {
                        error(f + ".standards." + stage, "must be a positive standard");
                    }
                }
            }
        }
        if ("QUALITY".equals(rs.kind())) {
            if (res.schoolRule() == null || res.schoolRule().minimumMet() == null
                    || res.schoolRule().minimumMet() < 1 || res.schoolRule().minimumMet() > res.indicators().size()) {
                error("resources.schoolRule.minimumMet", "must be between 1 and the number of indicators");
            }
            if (res.schoolRule() == null || res.schoolRule().floorRatio() == null
                    || res.schoolRule().floorRatio() <= 0 || res.schoolRule().floorRatio() > 1) {
                error("resources.schoolRule.floorRatio", "must be above 0 and at most 1");
            }
        }
        if (res.cv() == null || !("EACH".equals(res.cv().mode()) || "COMPOSITE".equals(res.cv().mode()))) {
            error("resources.cv.mode", "must be EACH or COMPOSITE");
        }
        for (String stage : stages) {
            Double limit = res.cv() == null || res.cv().limits() == null ? null : res.cv().limits().get(stage);
            if (limit == null || limit <= 0 || limit > 5) {
                error("resources.cv.limits." + stage, "must be above 0 and at most 5");
            }
        }
    }

    /** A/B scoring: only for assurance and quality, points only in a scored part, a reachable minimum. */
    private void scoring(RuleSet rs) {
        Map<String, RuleSet.Scoring> scoring = rs.scoring() == null ? Map.of() : rs.scoring();
        for (var e : scoring.entrySet()) {
            if (!"assurance".equals(e.getKey()) && !"quality".equals(e.getKey())) {
                error("scoring." + e.getKey(), "only assurance and quality can be scored");
            }
        }
        for (String part : List.of("assurance", "quality")) {
            List<RuleSet.Check> checks = "assurance".equals(part) ? rs.assurance() : rs.quality();
            RuleSet.Scoring sc = scoring.get(part);
            double total = 0;
            for (int i = 0; checks != null && i < checks.size(); i++) {
                Double points = checks.get(i).points();
                if (points == null) {
                    continue;
                }
                if (sc == null) {
                    error(part + "[" + i + "].points", "points need scoring." + part + " (A/B scheme)");
                } else if (points <= 0) {
                    error(part + "[" + i + "].points", "must be positive");
                }
                total += points;
            }
            if (sc != null && (sc.minimumScore() == null || sc.minimumScore() <= 0 || sc.minimumScore() > total)) {
                error("scoring." + part + ".minimumScore", "must be above 0 and at most the scored checks' points ("
                        + total + ")");
            }
        }
    }
}
