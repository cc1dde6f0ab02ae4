package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.SchoolRuleCheck;
import io.balance.indicator.calc.StagePart;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One school's stage parts, values, standards and the gap to each standard in concrete units
 * (GET /api/v1/schools/{schoolCode}/indicators/{year}), plus the assurance and quality checks it fails.
 */
public record SchoolIndicators(
        String schoolCode,
        String schoolName,
        String countyCode,
        String schoolType,
        int year,
        String ruleSet,
        long reportRevision,
        List<StageDetail> stages,
        List<CheckIssue> checks) {

    /** @param share this stage's share of the school's facilities (spec §4.1) */
    public record StageDetail(String stage, int students, double share, boolean excluded, String exclusionReason,
            Integer meetsCount, Boolean complies, Map<String, IndicatorDetail> indicators) {
    }

    /**
     * @param floor the lowest value still tolerated for the one indicator allowed below standard (85 %)
     * @param gap   null when the value meets the standard
     */
    public record IndicatorDetail(String name, String unit, double value, Double standard, Boolean meets,
            Double floor, Boolean meetsFloor, Gap gap) {
    }

    /**
     * Amounts in {@code unit} this stage must add. {@code schoolWide}: for an apportioned facility of a multi-stage
     * school, what the whole school must add so that this stage's share grows by {@code toStandard}.
     */
    public record Gap(double toStandard, Double toStandardSchoolWide, double toFloor, String unit) {
    }

    public record CheckIssue(String part, String id, String name, String detail, Map<String, Double> needs) {
    }

    public static SchoolIndicators of(ApprovedReport r, int year, RuleSet rules, Evaluation county) {
        List<StageDetail> stages = new ArrayList<>();
        RuleSet.Resources res = rules.resources();
        for (StagePart part : StagePart.of(r.school(), r.report(), rules)) {
            Map<String, Double> standards = StageEvaluator.standards(res, part.stage());
            SchoolRuleCheck.Result rule = res.schoolRule() == null || standards.isEmpty() || !part.judged() ? null
                    : SchoolRuleCheck.of(part.values(), standards, res.schoolRule().minimumMet(),
                            res.schoolRule().floorRatio());
            Map<String, IndicatorDetail> details = new LinkedHashMap<>();
            for (RuleSet.Indicator ind : res.indicators()) {
                double value = part.values().get(ind.id());
                Double standard = standards.get(ind.id());
                if (standard == null) {
                    details.put(ind.id(), new IndicatorDetail(ind.name(), ind.unit(), r4(value), null, null, null, null, null));
                    continue;
                }
                double ratio = res.schoolRule() == null ? 1.0 : res.schoolRule().floorRatio();
                boolean meets = Numbers.atLeast(value, standard);
                boolean meetsFloor = Numbers.atLeast(value, standard * ratio);
                Gap gap = null;
                if (!meets) {
                    double have = part.numerators().get(ind.id());
                    double toStandard = standard * part.students() / ind.perOrOne() - have;
                    double toFloor = meetsFloor ? 0 : standard * ratio * part.students() / ind.perOrOne() - have;
                    Double schoolWide = Boolean.TRUE.equals(ind.apportioned()) && part.share() > 0 && part.share() < 1
                            ? Numbers.ceilAmount(toStandard / part.share(), ind.unit()) : null;
                    gap = new Gap(Numbers.ceilAmount(toStandard, ind.unit()), schoolWide,
                            Numbers.ceilAmount(toFloor, ind.unit()), ind.unit());
                }
                details.put(ind.id(), new IndicatorDetail(ind.name(), ind.unit(), r4(value), standard, meets,
                        r4(standard * ratio), meetsFloor, gap));
            }
            stages.add(new StageDetail(part.stage(), part.students(), r4(part.share()), part.excluded(),
                    part.exclusionReason(), rule == null ? null : rule.meetsCount(), rule == null ? null : rule.complies(),
                    details));
        }
        List<CheckIssue> issues = new ArrayList<>();
        if (county != null) {
            for (var part : county.parts().entrySet()) {
                for (Evaluation.Check check : part.getValue().checks()) {
                    for (Evaluation.SchoolIssue issue : check.schools()) {
                        if (issue.schoolCode().equals(r.school().schoolCode())) {
                            issues.add(new CheckIssue(part.getKey(), check.id(), check.name(), issue.detail(), issue.needs()));
                        }
                    }
                }
            }
        }
        return new SchoolIndicators(r.school().schoolCode(), r.school().name(), r.school().countyCode(), r.school().type(),
                year, rules.code(), r.revision(), stages, issues);
    }
}
