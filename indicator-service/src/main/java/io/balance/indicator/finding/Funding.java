package io.balance.indicator.finding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The county's education funding figures for the findings' year (教育经费统计, yuan and head counts), compared
 * with the previous year's by the "三个增长" (义务教育法 第四十二条) and "两个只增不减" checks. Each year's figures
 * live in that year's findings; a field left out is a missing input of the checks that need it.
 *
 * @param compulsoryAppropriationYuan 义务教育财政拨款: the fiscal appropriation for compulsory education
 * @param recurrentRevenueYuan        财政经常性收入: the county's recurrent fiscal revenue
 * @param compulsoryPupils            义务教育在校学生数: pupils the appropriation is averaged over
 * @param staffAveragePayYuan         义务教育教职工年平均工资
 * @param publicFundsPerPupilPrimaryYuan 小学生均公用经费 (spent, per pupil)
 * @param publicFundsPerPupilJuniorYuan  初中生均公用经费 (spent, per pupil)
 * @param generalBudgetEducationYuan  一般公共预算教育支出: the whole general-budget education expenditure
 * @param students                    在校学生数: students of every level that expenditure covers
 */
@Schema(description = "教育经费: the county's funding figures for the year (三个增长, 两个只增不减)")
public record Funding(
        @Schema(description = "义务教育财政拨款 (yuan, ≥ 0)") Double compulsoryAppropriationYuan,
        @Schema(description = "财政经常性收入 (yuan, > 0)") Double recurrentRevenueYuan,
        @Schema(description = "义务教育在校学生数 (> 0)") Integer compulsoryPupils,
        @Schema(description = "义务教育教职工年平均工资 (yuan, ≥ 0)") Double staffAveragePayYuan,
        @Schema(description = "小学生均公用经费 (yuan, ≥ 0)") Double publicFundsPerPupilPrimaryYuan,
        @Schema(description = "初中生均公用经费 (yuan, ≥ 0)") Double publicFundsPerPupilJuniorYuan,
        @Schema(description = "一般公共预算教育支出 (yuan, ≥ 0)") Double generalBudgetEducationYuan,
        @Schema(description = "在校学生数, every level the expenditure covers (> 0)") Integer students) {
}
