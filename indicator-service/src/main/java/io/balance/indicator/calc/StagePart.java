package io.balance.indicator.calc;

import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of one school (a school-stage), the unit of the school rule and of the county CV. A school that
 * spans stages yields one part per compulsory stage with its apportioned share of facilities (spec §4.1).
 *
 * @param share      this stage's share of the school's facilities
 * @param numerators indicator id → the part's resource R_i (teachers of the stage, or apportioned facility)
 * @param values     indicator id → X_i = R_i / P_i × per
 * @param excluded   left out of the county CVs (exclusionReason says why)
 * @param judged     judged by the school rule and counted in compliance figures: every included part, and a
 *                   teaching point under the minimum (seed 004: its exclusion follows the CV sentence only);
 *                   never an excluded school type such as special education
 */
public record StagePart(
        SchoolV1 school,
        String stage,
        int students,
        double share,
        Map<String, Double> numerators,
        Map<String, Double> values,
        boolean excluded,
        String exclusionReason,
        boolean judged) {

    /** The parts of one school for the rule set's stages; a stage without students has no part. */
    public static List<StagePart> of(SchoolV1 school, AnnualReportV1 report, RuleSet rules) {
        Map<String, Double> weights = rules.apportioning() == null ? null : rules.apportioning().get(school.type());
        Map<String, Double> shares = Apportioning.shares(report.students(), weights);
        String exclusion = exclusionReason(school, report, rules.exclusions());
        boolean judged = exclusion == null || !typeExcluded(school, rules.exclusions());
        List<StagePart> parts = new ArrayList<>();
        for (String stage : rules.stages()) {
            int students = ReportFields.students(report, stage);
            if (students <= 0) {
                continue;
            }
            double share = shares.getOrDefault(stage, 0.0);
            Map<String, Double> numerators = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            for (RuleSet.Indicator indicator : rules.resources().indicators()) {
                double amount = numerator(report, stage, share, indicator);
                numerators.put(indicator.id(), amount);
                values.put(indicator.id(), amount / students * indicator.perOrOne());
            }
            parts.add(new StagePart(school, stage, students, share, numerators, values, exclusion != null, exclusion,
                    judged));
        }
        return parts;
    }

    static double numerator(AnnualReportV1 report, String stage, double share, RuleSet.Indicator indicator) {
        String teacher = ReportFields.teacherField(indicator.numerator());
        if (teacher != null) {
            return ReportFields.teacher(report, stage, teacher);
        }
        double whole = ReportFields.facility(report, ReportFields.facilityField(indicator.numerator()));
        return Boolean.FALSE.equals(indicator.apportioned()) ? whole : whole * share;
    }

    /** Whether the school's type is excluded altogether (special education): out of the CVs and the school rule. */
    public static boolean typeExcluded(SchoolV1 school, RuleSet.Exclusions exclusions) {
        return exclusions != null && exclusions.schoolTypes() != null && exclusions.schoolTypes().contains(school.type());
    }

    /** Special-education schools and small teaching points stay out of the county CVs (seed 004). */
    public static String exclusionReason(SchoolV1 school, AnnualReportV1 report, RuleSet.Exclusions exclusions) {
        if (exclusions == null) {
            return null;
        }
        if (typeExcluded(school, exclusions)) {
            return "school type " + school.type() + " is excluded from the county computation";
        }
        Integer min = exclusions.teachingPointMinStudents();
        if (min != null && "TEACHING_POINT".equals(school.type())) {
            int total = 0;
            for (String stage : Stages.ALL) {
                total += ReportFields.students(report, stage);
            }
            if (total < min) {
                return "teaching point with " + total + " students (fewer than " + min + ")";
            }
        }
        return null;
    }
}
