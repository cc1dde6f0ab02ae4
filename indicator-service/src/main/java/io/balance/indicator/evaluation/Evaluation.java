package io.balance.indicator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.balance.indicator.ruleset.RuleSetChoice;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * A county's evaluation under one rule set (the contract's evaluation resource). Figures are rounded to four
 * decimals; a CV that cannot be defined is null with a reason. The answer also carries {@code reviewStage}
 * ({@code review.CountyReviewStage}, null when the county's process for the year has not started).
 *
 * @param ruleSetChoice which set was applied and why (on reads; null in the stored evaluation and its digest)
 * @param stages  PRIMARY / JUNIOR: indicators, CVs and the school-stages
 * @param compliance share of schools and of school-stages meeting the school rule (null without a school rule)
 * @param parts   resources, assurance, quality (QUALITY sets), recognition, vetoes
 * @param verdict PASS, FAIL (some part fails; decisive even if other inputs are missing) or INCOMPLETE
 */
// reviewStage is added to the answer when it is read (EvaluationResource), never part of the evaluation: it must
// not change the evaluation's digest, revision or cache entry
@Schema(properties = @SchemaProperty(name = "reviewStage", ref = "CountyReviewStage"))
public record Evaluation(
        String countyCode,
        String countyName,
        int year,
        String ruleSet,
        int ruleSetVersion,
        RuleSetChoice ruleSetChoice,
        int basedOnReports,
        Map<String, Stage> stages,
        Compliance compliance,
        Map<String, Part> parts,
        String verdict,
        List<String> failingParts,
        List<String> missingInputs) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String INCOMPLETE = "INCOMPLETE";

    /** The same evaluation saying which rule set was applied and why. */
    public Evaluation withChoice(RuleSetChoice choice) {
        return new Evaluation(countyCode, countyName, year, ruleSet, ruleSetVersion, choice, basedOnReports, stages,
                compliance, parts, verdict, failingParts, missingInputs);
    }

    /**
     * Compliance with the school rule (达标), each share with its denominator. A school complies when every one
     * of its judged stages does; special-education schools are in neither count, teaching points under 50 are.
     */
    public record Compliance(int schools, int compliantSchools, Double schoolShare, int schoolStages,
            int compliantSchoolStages, Double schoolStageShare) {
    }

    /**
     * @param composite BASIC sets only: the mean of the stage's CVs against its limit
     */
    public record Stage(
            int includedSchools,
            int excludedSchools,
            Map<String, Indicator> indicators,
            Composite composite,
            Figures figures,
            List<SchoolStage> schools,
            Map<String, LocationFigures> byLocation) {
    }

    /**
     * One location's part of a stage (城区 URBAN / 镇区 TOWN / 乡村 RURAL, seed 002 item 18, seed 004's urban
     * class-size goals): compliance and class sizes as in {@link Figures}, and the CV of each indicator over the
     * location's included school-stages (null where undefined).
     */
    public record LocationFigures(int includedSchools, Figures figures, Map<String, Double> cv) {
    }

    /**
     * @param countyValue X̄, total resource over total students (× per)
     * @param cvLimit     null when the set judges the composite instead
     * @param pass        null when the CV is undefined or the composite decides
     * @param gap         for a failing CV: the largest contributors and what brings it under the limit
     */
    public record Indicator(
            String name,
            String unit,
            Double standard,
            Double countyValue,
            Double cv,
            Double cvLimit,
            Boolean pass,
            String reason,
            int schoolsBelowStandard,
            CvGap gap) {
    }

    public record Composite(Double cv, double limit, boolean strictlyBelow, Boolean pass, String reason) {
    }

    /**
     * @param schoolStages   school-stages judged by the school rule (the included ones and small teaching points)
     * @param compliantShare compliant / schoolStages (QUALITY)
     * @param largeClasses   classes of 56+ students (大班额); superLargeClasses 66+ (超大班额)
     */
    public record Figures(
            int schoolStages,
            Integer compliant,
            Double compliantShare,
            int classes,
            int largeClasses,
            int superLargeClasses,
            Double largeClassShare,
            Double superLargeClassShare) {
    }

    public record SchoolStage(
            String schoolCode,
            String schoolName,
            String schoolType,
            int students,
            double share,
            Map<String, Double> values,
            Integer meetsCount,
            Boolean complies,
            List<String> failing,
            List<String> belowFloor,
            boolean excluded,
            String exclusionReason) {
    }

    public record CvGap(List<Contributor> largestContributors, Remedy remedy) {
    }

    /** @param varianceShare this school-stage's share of the weighted variance S² */
    public record Contributor(String schoolCode, String schoolName, int students, double value, double varianceShare,
            String side) {
    }

    /**
     * Raise every school-stage below {@code raiseTo} to it; {@code total} and each school's amount are in
     * {@code unit} (for apportioned facilities {@code schoolWideAmount} is what the whole school must add).
     */
    public record Remedy(String description, double raiseTo, double resultingCv, String unit, double total,
            List<SchoolNeed> schools) {
    }

    public record SchoolNeed(String schoolCode, String schoolName, double amount, Double schoolWideAmount) {
    }

    /**
     * @param status PASS, FAIL or INCOMPLETE; {@code pass} is null while INCOMPLETE
     * @param rate   the recognition rate (recognition part only)
     */
    public record Part(
            String status,
            Boolean pass,
            Double rate,
            Score score,
            List<Check> checks,
            List<String> failing,
            List<String> missing) {
    }

    /**
     * A scored part (A/B scheme): {@code points} earned by passing scored checks, of {@code maximum};
     * {@code pending} the points of scored checks still INCOMPLETE; passes at {@code minimum} with every
     * must-pass check passed.
     */
    public record Score(double points, double pending, double maximum, double minimum, List<String> mustPassFailing) {
    }

    /**
     * One assurance or quality indicator; {@code schools} lists the schools that fail it, with what they need.
     *
     * @param category A (must pass) or B (scored) in a scored part, else null
     * @param points   a scored check's points
     * @param years    checks comparing years (三个增长, 两个只增不减): each judged year against the one before;
     *                 absent on other checks
     */
    public record Check(String id, String name, String status, String category, Double points, String detail,
            List<SchoolIssue> schools, List<String> missing,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<YearOutcome> years) {

        public Check(String id, String name, String status, String category, Double points, String detail,
                List<SchoolIssue> schools, List<String> missing) {
            this(id, name, status, category, points, detail, schools, missing, null);
        }
    }

    /**
     * One year of a check comparing years: PASS (met), FAIL (missed: {@code failing} says what) or INCOMPLETE
     * ({@code missing} names the inputs, {@code funding.<year>.<field>}).
     */
    public record YearOutcome(int year, String status, String detail, List<String> failing, List<String> missing) {
    }

    public record SchoolIssue(String schoolCode, String schoolName, String detail, Map<String, Double> needs) {
    }
}
