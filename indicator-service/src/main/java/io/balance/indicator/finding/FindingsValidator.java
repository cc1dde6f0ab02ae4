package io.balance.indicator.finding;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a findings document; every problem names its field in the body. */
public final class FindingsValidator {
    private FindingsValidator() {
    }

    public static List<FieldError> validate(Findings f) {
        List<FieldError> errors = new ArrayList<>();
        if (f == null) {
            errors.add(new FieldError(Problem.BODY, "a findings document is required"));
            return errors;
        }
        Set<String> evidenceIds = new HashSet<>();
        if (f.evidence() != null) {
            for (int i = 0; i < f.evidence().size(); i++) {
                Findings.Evidence e = f.evidence().get(i);
                String p = "evidence[" + i + "]";
                if (e == null) {
                    errors.add(new FieldError(p, "must not be null"));
                    continue;
                }
                if (blank(e.id()) || e.id().length() > 64) {
                    errors.add(new FieldError(p + ".id", "must be 1–64 characters"));
                } else if (!evidenceIds.add(e.id())) {
                    errors.add(new FieldError(p + ".id", "duplicate evidence id " + e.id()));
                }
                if (blank(e.title()) || e.title().length() > 500) {
                    errors.add(new FieldError(p + ".title", "must be 1–500 characters"));
                }
                if (e.uri() != null && (e.uri().isBlank() || e.uri().length() > 2000)) {
                    errors.add(new FieldError(p + ".uri", "must be 1–2000 characters when given"));
                }
            }
        }
        if (f.findings() != null) {
            f.findings().forEach((key, finding) -> {
                String p = "findings." + key;
                if (!FindingCatalogue.FINDINGS.containsKey(key)) {
                    errors.add(new FieldError(p, "unknown finding; known: " + FindingCatalogue.FINDINGS.keySet()));
                    return;
                }
                if (finding == null || finding.met() == null) {
                    errors.add(new FieldError(p + ".met", "must be true or false"));
                    return;
                }
                if (finding.note() != null && finding.note().length() > 2000) {
                    errors.add(new FieldError(p + ".note", "must be at most 2000 characters"));
                }
                List<String> refs = finding.evidence() == null ? List.of() : finding.evidence();
                for (int i = 0; i < refs.size(); i++) {
                    if (!evidenceIds.contains(refs.get(i))) {
                        errors.add(new FieldError(p + ".evidence[" + i + "]", "refers to no entry of evidence: " + refs.get(i)));
                    }
                }
            });
        }
        if (f.figures() != null) {
            f.figures().forEach((name, value) -> {
                double[] range = FindingCatalogue.FIGURES.get(name);
                if (range == null) {
                    errors.add(new FieldError("figures." + name, "unknown figure; known: "
                            + new java.util.TreeSet<>(FindingCatalogue.FIGURES.keySet())));
                } else if (value == null || value.isNaN() || value < range[0] || value > range[1]) {
                    errors.add(new FieldError("figures." + name, "must be a number between " + range[0] + " and " + range[1]));
                }
            });
        }
        if (f.schoolScores() != null) {
            f.schoolScores().forEach((school, score) -> {
                String p = "schoolScores." + school;
                if (school == null || !school.matches("\\d{10}")) {
                    errors.add(new FieldError(p, "must be keyed by a 10-digit school code"));
                } else if (score == null || score.isNaN() || score < 0 || score > 100) {
                    errors.add(new FieldError(p, "must be a score between 0 and 100"));
                }
            });
        }
        funding(errors, f.funding());
        Findings.Retention r = f.retention();
        if (r != null) {
            count(errors, "retention.grade7Intake", r.grade7Intake());
            count(errors, "retention.deaths", r.deaths());
            count(errors, "retention.graduates", r.graduates());
            count(errors, "retention.transfersIn", r.transfersIn());
            count(errors, "retention.transfersOut", r.transfersOut());
            if (r.grade7Intake() != null && r.deaths() != null && r.deaths() >= r.grade7Intake()) {
                errors.add(new FieldError("retention.deaths", "must be less than grade7Intake"));
            }
            if (r.graduates() != null && r.transfersIn() != null && r.transfersIn() > r.graduates()) {
                errors.add(new FieldError("retention.transfersIn", "must not exceed graduates"));
            }
        }
        if (f.monitoring() != null) {
            Set<String> subjects = new HashSet<>();
            for (int i = 0; i < f.monitoring().size(); i++) {
                Findings.Monitoring m = f.monitoring().get(i);
                String p = "monitoring[" + i + "]";
                if (m == null) {
                    errors.add(new FieldError(p, "must not be null"));
                    continue;
                }
                if (blank(m.subject()) || m.subject().length() > 64) {
                    errors.add(new FieldError(p + ".subject", "must be 1–64 characters"));
                } else if (!subjects.add(m.subject())) {
                    errors.add(new FieldError(p + ".subject", "duplicate subject " + m.subject()));
                }
                if (m.level() == null || m.level() < 1 || m.level() > 4) {
                    errors.add(new FieldError(p + ".level", "must be 1–4 (Ⅰ–Ⅳ)"));
                }
                if (m.differenceRate() == null || m.differenceRate().isNaN() || m.differenceRate() < 0 || m.differenceRate() > 1) {
                    errors.add(new FieldError(p + ".differenceRate", "must be between 0 and 1"));
                }
            }
        }
        if (f.vetoes() != null) {
            f.vetoes().forEach((code, applies) -> {
                if (!FindingCatalogue.VETOES.contains(code)) {
                    errors.add(new FieldError("vetoes." + code, "unknown veto; known: " + new java.util.TreeSet<>(FindingCatalogue.VETOES)));
                } else if (applies == null) {
                    errors.add(new FieldError("vetoes." + code, "must be true (applies) or false"));
                }
            });
        }
        return errors;
    }

    /** Every figure is optional (a missing one is a missing input of the growth checks); given ones are checked. */
    private static void funding(List<FieldError> errors, Funding g) {
        if (g == null) {
            return;
        }
        yuan(errors, "funding.compulsoryAppropriationYuan", g.compulsoryAppropriationYuan(), false);
        // a growth rate is undefined over a zero: revenue and head counts must be positive
        yuan(errors, "funding.recurrentRevenueYuan", g.recurrentRevenueYuan(), true);
        heads(errors, "funding.compulsoryPupils", g.compulsoryPupils());
        yuan(errors, "funding.staffAveragePayYuan", g.staffAveragePayYuan(), false);
        yuan(errors, "funding.publicFundsPerPupilPrimaryYuan", g.publicFundsPerPupilPrimaryYuan(), false);
        yuan(errors, "funding.publicFundsPerPupilJuniorYuan", g.publicFundsPerPupilJuniorYuan(), false);
        yuan(errors, "funding.generalBudgetEducationYuan", g.generalBudgetEducationYuan(), false);
        heads(errors, "funding.students", g.students());
    }

    private static void yuan(List<FieldError> errors, String field, Double value, boolean positive) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value.isInfinite() || value > MAX_YUAN || (positive ? value <= 0 : value < 0)) {
            errors.add(new FieldError(field, positive ? "must be an amount in yuan above 0 (at most 1e13)" : "must be an amount in yuan, 0 or more (at most 1e13)"));
        }
    }

    private static void heads(List<FieldError> errors, String field, Integer value) {
        if (value != null && value <= 0) {
            errors.add(new FieldError(field, "must be a count above 0"));
        }
    }

    /** 10^13 yuan: above any county's budget, and every amount up to it is exact to the fen in a double. */
    private static final double MAX_YUAN = 1e13;

    private static void count(List<FieldError> errors, String field, Integer value) {
        if (value == null || value < 0) {
            errors.add(new FieldError(field, "must be a count of 0 or more"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
