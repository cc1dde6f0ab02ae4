package io.balance.indicator.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A versioned rule set (评估标准) as data: every standard, limit, weight and exclusion the evaluation uses.
 * Stored as a JSON document (table {@code rule_set}); the seeded national sets come from Flyway.
 *
 * @param kind         QUALITY (优质均衡: per-indicator CV limits plus the school rule) or BASIC (基本均衡: composite CV)
 * @param stages       the compulsory stages evaluated, PRIMARY and/or JUNIOR
 * @param apportioning per multi-stage school type, the weight of each stage's students (spec §4.1)
 * @param scoring      per part ("assurance", "quality"): scored instead of all-must-pass (Jiangxi A/B scheme);
 *                     absent, every check of the part must pass
 * @param vetoChecks   vetoes computed from inputs instead of declared (BASIC_2012: 三个增长 from the funding
 *                     figures); a veto check that FAILs fails the county like a declared veto
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleSet(
        String code,
        Integer version,
        String name,
        String basedOn,
        String jurisdictionCode,
        String kind,
        List<String> stages,
        Exclusions exclusions,
        Map<String, Map<String, Double>> apportioning,
        Resources resources,
        List<Check> assurance,
        List<Check> quality,
        Recognition recognition,
        List<String> vetoes,
        ClassSize classSizes,
        Map<String, Scoring> scoring,
        List<Check> vetoChecks) {

    /** A rule set without computed vetoes. */
    public RuleSet(String code, Integer version, String name, String basedOn, String jurisdictionCode, String kind,
            List<String> stages, Exclusions exclusions, Map<String, Map<String, Double>> apportioning,
            Resources resources, List<Check> assurance, List<Check> quality, Recognition recognition,
            List<String> vetoes, ClassSize classSizes, Map<String, Scoring> scoring) {
        this(code, version, name, basedOn, jurisdictionCode, kind, stages, exclusions, apportioning, resources,
                assurance, quality, recognition, vetoes, classSizes, scoring, null);
    }

    public boolean basic() {
        return "BASIC".equals(kind);
    }

    /** Schools left out of the county computation; they still get their own figures. */
    public record Exclusions(List<String> schoolTypes, Integer teachingPointMinStudents) {
    }

    /**
     * @param schoolRule null when the set has no per-school standard (BASIC_2012)
     * @param cv         how the between-school CVs decide the county
     */
    public record Resources(List<Indicator> indicators, SchoolRule schoolRule, CvRule cv) {
    }

    /**
     * One per-student indicator.
     *
     * @param numerator   a field of the report: {@code teachers.<field>} (per stage) or {@code facilities.<field>}
     *                    (whole school, apportioned to stages)
     * @param per         1 (per student) or 100 (per 100 students)
     * @param apportioned whether a multi-stage school's value is split across stages by weighted students
     * @param standards   per stage; absent when the set has no per-school standard
     * @param unit        the unit of the numerator, used to state gaps (teachers, m2, yuan, rooms, computers, books)
     */
    public record Indicator(String id, String name, String numerator, Double per, Boolean apportioned,
            String unit, Map<String, Double> standards) {
        public double perOrOne() {
            return per == null ? 1.0 : per;
        }
    }

    /** A school-stage complies when {@code minimumMet} indicators reach the standard and the rest reach {@code floorRatio} of it. */
    public record SchoolRule(Integer minimumMet, Double floorRatio) {
    }

    /**
     * @param mode   EACH: every indicator's CV within its limit (QUALITY); COMPOSITE: the mean of all CVs (BASIC)
     * @param limits per stage
     * @param strict true: CV must be strictly below the limit (BASIC: 低于), false: at most the limit (QUALITY: 小于或等于)
     */
    public record CvRule(String mode, Map<String, Double> limits, Boolean strict) {
        public boolean composite() {
            return "COMPOSITE".equals(mode);
        }
    }

    /**
     * A check of the assurance or quality part. {@code type} names the evaluator; {@code params} its numbers
     * (see {@link io.balance.indicator.evaluation.Checks}); an unknown type is refused when the set is read.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Check(String id, String name, CheckType type, Map<String, Object> params, Double points) {
        /** A scored ("B") check earns its points when it passes; one without points must pass ("A"). */
        public boolean scored() {
            return points != null;
        }
    }

    /**
     * A part judged by the A/B scheme (seed 003: "'A'类指标必须达标；'B'类指标量化计分，总分100分，90分以上为达标"):
     * it passes when every must-pass check passes and the points of the passing scored checks reach the minimum.
     */
    public record Scoring(Double minimumScore) {
    }

    /** Social recognition (社会认可度). */
    public record Recognition(Double minimumRate, Double minimumValidReturnRate, Boolean requireClosed) {
    }

    /** Large-class tracking (大班额 56+, 超大班额 66+). */
    public record ClassSize(Integer largeClassMin, Integer superLargeClassMin) {
    }
}
