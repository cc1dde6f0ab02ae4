package io.balance.supervision.target;

import io.balance.contracts.EvaluationDetailsV1;

/**
 * The actual of each target kind from one year's evaluation (pure), from the figures the evaluation carries
 * (the compliance counts, class counts, CVs and county values, the recognition rate, the verdict).
 */
public final class Actuals {
    private Actuals() {
    }

    /** @param details null when the year has no evaluation (or one from before details existed) */
    public static Actual of(TargetKind kind, String stage, String indicator, String verdict, EvaluationDetailsV1 details) {
        if (kind == TargetKind.VERDICT) {
            // INCOMPLETE is missing data, not a verdict
            return "PASS".equals(verdict) || "FAIL".equals(verdict) ? Actual.verdict(verdict) : Actual.NONE;
        }
        if (details == null) {
            return Actual.NONE;
        }
        return switch (kind) {
            case COMPLIANT_SCHOOL_SHARE -> compliantSchoolShare(details.compliance());
            case LARGE_CLASS_SHARE -> {
                long classes = 0;
                long large = 0;
                for (EvaluationDetailsV1.Stage s : details.stages()) {
                    classes += s.classes();
                    large += s.largeClasses();
                }
                yield Actual.share(large, classes);
            }
            case SUPER_LARGE_CLASSES -> {
                long classes = 0;
                long superLarge = 0;
                for (EvaluationDetailsV1.Stage s : details.stages()) {
                    classes += s.classes();
                    superLarge += s.superLargeClasses();
                }
                yield classes == 0 ? Actual.NONE : Actual.of(superLarge);
            }
            case INDICATOR_CV, INDICATOR_VALUE -> {
                EvaluationDetailsV1.Indicator ind = indicator(details, stage, indicator);
                yield ind == null ? Actual.NONE
                        : Actual.ofNullable(kind == TargetKind.INDICATOR_CV ? ind.cv() : ind.countyValue());
            }
            case RECOGNITION_RATE -> Actual.ofNullable(details.recognitionRate());
            case VERDICT -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * Schools (not school-stages) whose every stage meets the school rule ÷ schools assessed, as the evaluation
     * counts them (special-education schools out, teaching points under 50 in); no school rule → no data.
     */
    static Actual compliantSchoolShare(EvaluationDetailsV1.Compliance compliance) {
        return compliance == null ? Actual.NONE : Actual.share(compliance.compliantSchools(), compliance.schools());
    }

    private static EvaluationDetailsV1.Indicator indicator(EvaluationDetailsV1 details, String stage, String id) {
        for (EvaluationDetailsV1.Stage s : details.stages()) {
            if (s.stage().equals(stage)) {
                for (EvaluationDetailsV1.Indicator ind : s.indicators()) {
                    if (ind.id().equals(id)) {
                        return ind;
                    }
                }
            }
        }
        return null;
    }
}
