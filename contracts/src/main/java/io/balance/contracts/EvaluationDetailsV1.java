package io.balance.contracts;

import java.util.List;
import java.util.Map;

/**
 * What a county evaluation found item by item: the figures targets are measured by and every failing item the
 * supervision ledger turns into a problem (one per school-stage and indicator below standard, CV over its
 * limit, failing check, veto). Carried by {@link EvaluationChangedV1#details()}; added to v1 additively, so
 * it is null in events written before it existed.
 *
 * @param compliance      schools and school-stages meeting the school rule, null when the rule set has none
 * @param recognitionRate the survey's recognition rate (社会认可度), null without a survey result
 */
public record EvaluationDetailsV1(
        List<Stage> stages,
        Compliance compliance,
        List<Check> checks,
        Double recognitionRate) {

    /**
     * Compliance with the school rule (达标) as the evaluation counts it: a school complies when every one of its
     * judged stages does; special-education schools are in neither count, teaching points under 50 are.
     */
    public record Compliance(int schools, int compliantSchools, int schoolStages, int compliantSchoolStages) {
    }

    /**
     * One compulsory stage.
     *
     * @param classes           every class of the stage in the county's approved reports (大班额 counts)
     * @param largeClasses      classes of 56 or more; {@code superLargeClasses} 66 or more
     * @param compositeCv       rule sets judging the mean of the CVs (BASIC_2012): that mean; null otherwise
     * @param compositePass     whether the composite is within its limit; null when not judged
     */
    public record Stage(
            String stage,
            int classes,
            int largeClasses,
            int superLargeClasses,
            Double compositeCv,
            Boolean compositePass,
            List<Indicator> indicators,
            List<SchoolStage> schools) {
    }

    /**
     * A resource indicator of a stage.
     *
     * @param pass        the CV against its limit; null when undefined or judged by the composite
     * @param remedy      for a CV over its limit: what brings it under (the evaluation's hint); null otherwise
     * @param remedyTotal what the remedy adds in total, in {@code unit}
     */
    public record Indicator(
            String id,
            String name,
            String unit,
            Double standard,
            Double countyValue,
            Double cv,
            Double cvLimit,
            Boolean pass,
            String remedy,
            Double remedyTotal) {
    }

    /**
     * One school's stage.
     *
     * @param excluded  left out of the CVs (special-education school, teaching point under 50 pupils)
     * @param complies  the school rule (6 of 7, rest ≥ 85 %); null when the rule set has none
     * @param gaps      indicator id → what the school-stage lacks to the standard, in the indicator's unit,
     *                  for every indicator below it (rounded up to what can be acquired)
     */
    public record SchoolStage(
            String schoolCode,
            String schoolName,
            String schoolType,
            int students,
            boolean excluded,
            Boolean complies,
            Map<String, Double> gaps) {
    }

    /**
     * An assurance or quality check, the recognition part ({@code part} "recognition") or a veto ({@code part}
     * "vetoes", {@code id} the veto code, listed only when it applies or is undeclared).
     *
     * @param status  PASS, FAIL or INCOMPLETE
     * @param schools the schools a failing check names, with what each needs
     */
    public record Check(
            String part,
            String id,
            String name,
            String status,
            String detail,
            List<SchoolIssue> schools) {
    }

    /** @param needs what the school needs, e.g. {@code {"musicRooms": 1}} or {@code {"yuan": 5000}} */
    public record SchoolIssue(String schoolCode, String schoolName, String detail, Map<String, Double> needs) {
    }
}
