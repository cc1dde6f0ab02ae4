package io.balance.indicator.finding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The finding keys, figures and vetoes a county may record; rule sets refer to them by these names. */
public final class FindingCatalogue {
    /** yes/no findings (with evidence). */
    public static final Map<String, String> FINDINGS = ordered(
            "G1", "规划布局合理 school layout is reasonable",
            "G2.construction", "城乡统一学校建设标准 one construction standard",
            "G2.staffing", "城乡统一教职工编制标准 one staffing standard",
            "G2.funding", "城乡统一生均公用经费基准定额 one per-student funding standard",
            "G2.equipment", "城乡统一基本装备配置标准 one equipment standard",
            "G10", "统筹分配各校教职工编制和岗位数量 staffing quotas allocated across schools",
            "G15.care", "留守儿童关爱体系健全 left-behind-children care system",
            "Q3", "学校章程，管理与教学信息化 charters, digital management and teaching",
            "Q5", "信息化教学，设施设备利用率高 digital teaching, equipment well used",
            "Q6", "德育与校园文化建设良好 moral education and campus culture good or better",
            "Q7", "课程开齐开足，综合实践活动 full curriculum and practical activities",
            "Q8", "学生课业负担不过重 no excessive workload",
            "BASIC.threshold", "每所学校达到省定办学基本标准 every school meets the provincial basic standard");

    /** figure name → [minimum, maximum] (inclusive). */
    public static final Map<String, double[]> FIGURES = Map.ofEntries(
            Map.entry("teacherAveragePayYuan", new double[] {0, 10_000_000}),
            Map.entry("civilServantAveragePayYuan", new double[] {0, 10_000_000}),
            Map.entry("zonedEnrolmentPrimaryRate", new double[] {0, 1}),
            Map.entry("zonedEnrolmentJuniorRate", new double[] {0, 1}),
            Map.entry("highSchoolQuotaShare", new double[] {0, 1}),
            Map.entry("migrantChildrenPublicShare", new double[] {0, 1}),
            Map.entry("disabledEnrolmentRate", new double[] {0, 1}),
            Map.entry("publicFundsStandardPrimaryYuan", new double[] {0, 1_000_000}),
            Map.entry("publicFundsStandardJuniorYuan", new double[] {0, 1_000_000}),
            Map.entry("governmentWorkScore", new double[] {0, 100}),
            // BASIC_2012's government work in its four areas (seed 000: "417"), summed against the minimum
            Map.entry("governmentWorkScoreGuarantee", new double[] {0, 100}), // 保障机制
            Map.entry("governmentWorkScoreEnrolment", new double[] {0, 100}), // 入学机会
            Map.entry("governmentWorkScoreTeachers", new double[] {0, 100}), // 教师队伍
            Map.entry("governmentWorkScoreQuality", new double[] {0, 100}), // 质量与管理
            // local figures a variant can switch checks on for (seeds 001, 004; see the README)
            Map.entry("primaryRetentionRate", new double[] {0, 1}), // 小学六年巩固率
            Map.entry("highSchoolQuotaRuralShare", new double[] {0, 1}), // 指标到校名额中农村初中的比例
            Map.entry("ruralJuniorGraduateShare", new double[] {0, 1}), // 农村初中毕业生占比
            Map.entry("disabledPupilsSpecialSchools", new double[] {0, 1_000_000}), // 特教学校在校残疾学生
            Map.entry("disabledPupilsRegularClasses", new double[] {0, 1_000_000}), // 随班就读
            Map.entry("disabledPupilsHomeTeaching", new double[] {0, 1_000_000}), // 送教上门
            Map.entry("disabledPupilFundsYuan", new double[] {0, 10_000_000_000.0})); // 残疾学生生均公用经费总额

    public static final Set<String> VETOES = Set.of(
            // QUALITY_2017 (§2.5)
            "EXAM_ADMISSION", "ILLEGAL_SCHOOL_CHOICE", "KEY_SCHOOLS_OR_CLASSES", "UNFILLED_POSTS",
            "MAJOR_SAFETY_ACCIDENT", "SERIOUS_VIOLATION", "FALSIFIED_DATA",
            // BASIC_2012 (§3)
            "WEAK_SCHOOL_RENOVATION_INCOMPLETE", "DISABLED_ENROLMENT_BELOW_STANDARD", "THREE_GROWTHS_MISSED");

    private FindingCatalogue() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
