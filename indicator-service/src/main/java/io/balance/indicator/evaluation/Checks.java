package io.balance.indicator.evaluation;

import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.evaluation.Evaluation.Check;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.finding.Funding;
import io.balance.indicator.ruleset.RuleSet;
import java.util.List;
import java.util.Map;

/**
 * Evaluators of assurance and quality checks (政府保障程度, 教育质量). A rule set names the evaluator
 * ({@link io.balance.indicator.ruleset.CheckType}) and its numbers ({@code params}); each evaluator is a pure
 * function of the county's reports and findings. Data the county has not given yet makes a check INCOMPLETE,
 * listing the missing inputs by the field names of the findings document or the report.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * @param schools  the county's schools that count (not excluded)
     * @param all      every approved report, excluded schools too
     * @param findings null when the county has recorded none
     */
    public static Check evaluate(RuleSet.Check check, List<ApprovedReport> schools, List<ApprovedReport> all,
            Findings findings, RuleSet rules) {
        // no funding figures: a check comparing years is INCOMPLETE here
        return evaluate(check, schools, all, findings, rules, 0, Map.of());
    }

    /**
     * @param year    the evaluation year
     * @param funding the county's funding figures by year (the evaluation year and those before it)
     */
    public static Check evaluate(RuleSet.Check check, List<ApprovedReport> schools, List<ApprovedReport> all,
            Findings findings, RuleSet rules, int year, Map<Integer, Funding> funding) {
        CheckBuilder b = new CheckBuilder(check);
        Map<String, Object> p = check.params() == null ? Map.of() : check.params();
        // a switch expression: the compiler refuses a CheckType without an evaluator
        Runnable evaluator = switch (check.type()) {
            case INPUTS -> () -> CountyChecks.inputs(b, p, findings);
            case MUSIC_ART_ROOMS -> () -> FacilityChecks.musicArtRooms(b, p, schools);
            case SCHOOL_SIZE -> () -> FacilityChecks.schoolSize(b, p, schools);
            case CLASS_SIZE -> () -> FacilityChecks.classSize(b, p, schools);
            case SMALL_SCHOOL_FUNDING -> () -> FundingChecks.smallSchoolFunding(b, p, all, findings);
            case SPECIAL_EDUCATION_FUNDING -> () -> FundingChecks.specialEducationFunding(b, p, all);
            case TEACHER_SHARE -> () -> TeacherChecks.teacherShare(b, p, all);
            case ROTATION -> () -> TeacherChecks.rotation(b, p, all);
            case RETENTION -> () -> CountyChecks.retention(b, p, findings);
            case TRAINING_FUNDS -> () -> FundingChecks.trainingFunds(b, p, schools);
            case MONITORING -> () -> CountyChecks.monitoring(b, p, findings);
            case PUPIL_TEACHER_RATIO -> () -> TeacherChecks.pupilTeacherRatio(b, p, schools, rules);
            case SPECIAL_ROOMS -> () -> FacilityChecks.specialRooms(b, p, schools);
            case DISABLED_PUPIL_FUNDING -> () -> FundingChecks.disabledPupilFunding(b, p, findings);
            case BOARDING_FUNDING -> () -> FundingChecks.boardingFunding(b, p, all, findings);
            case SCHOOL_SCORES -> () -> CountyChecks.schoolScores(b, p, all, findings);
            case GOVERNMENT_WORK_SCORE -> () -> CountyChecks.governmentWorkScore(b, p, findings);
            case THREE_GROWTHS -> () -> GrowthChecks.threeGrowths(b, p, year, funding);
            case TWO_NO_DECREASE -> () -> GrowthChecks.twoNoDecrease(b, p, year, funding);
        };
        evaluator.run();
        return b.build();
    }
}
