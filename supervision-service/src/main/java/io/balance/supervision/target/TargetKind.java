package io.balance.supervision.target;

/**
 * What a target measures, from the year's evaluation under the plan's rule set (supervision.md §1). Kinds are
 * data: each says whether it needs a stage and an indicator and whether its value is a number or a verdict.
 */
public enum TargetKind {
    /** Schools whose every stage meets the school rule ÷ schools assessed; a school counts once. */
    COMPLIANT_SCHOOL_SHARE(false, false),
    /** Classes of 56 or more ÷ all classes, both compulsory stages (大班额占比). */
    LARGE_CLASS_SHARE(false, false),
    /** Number of classes of 66 or more (超大班额). */
    SUPER_LARGE_CLASSES(false, false),
    /** The CV (差异系数) of one indicator in one stage. */
    INDICATOR_CV(true, true),
    /** The county value of one indicator in one stage. */
    INDICATOR_VALUE(true, true),
    /** The survey's recognition rate (社会认可度). */
    RECOGNITION_RATE(false, false),
    /** The county verdict; the wanted value is {@code PASS}. */
    VERDICT(false, false);

    private final boolean needsStage;
    private final boolean needsIndicator;

    TargetKind(boolean needsStage, boolean needsIndicator) {
        this.needsStage = needsStage;
        this.needsIndicator = needsIndicator;
    }

    public boolean needsStage() {
        return needsStage;
    }

    public boolean needsIndicator() {
        return needsIndicator;
    }

    public boolean verdict() {
        return this == VERDICT;
    }
}
