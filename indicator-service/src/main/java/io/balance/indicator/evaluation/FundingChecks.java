package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.atLeast;
import static io.balance.indicator.calc.Numbers.r4;

import io.balance.contracts.Location;
import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.finding.Findings;
import java.util.List;
import java.util.Map;

/** Checks on funding (G6 small schools funded as 100, G7 special education, Q4 teacher training funds). */
final class FundingChecks {
    private FundingChecks() {
    }

    // G6: village primary schools and teaching points under 100 students funded as if they had 100
    static void smallSchoolFunding(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> all, Findings f) {
        double below = CheckParams.number(p, "studentsBelow", 100);
        double fundedAs = CheckParams.number(p, "fundedAsStudents", 100);
        for (ApprovedReport r : all) {
            // 农村小学和教学点: village primary schools and teaching points, not rural junior or nine-year schools
            boolean small = "TEACHING_POINT".equals(r.school().type())
                    || Location.RURAL.name().equals(r.school().location()) && "PRIMARY".equals(r.school().type());
            int students = ReportFields.compulsoryStudents(r.report());
            if (!small || students <= 0 || students >= below) {
                continue;
            }
            if (r.report().funding() == null) {
                b.missing("reports." + r.school().schoolCode() + ".funding");
                continue;
            }
            double required = 0;
            boolean known = true;
            for (String stage : Stages.COMPULSORY) {
                int n = ReportFields.students(r.report(), stage);
                if (n == 0) {
                    continue;
                }
                String figure = Stages.PRIMARY.equals(stage) ? "publicFundsStandardPrimaryYuan" : "publicFundsStandardJuniorYuan";
                Double standard = f == null ? null : f.figure(figure);
                if (standard == null) {
                    b.missing("figures." + figure);
                    known = false;
                } else {
                    required += fundedAs * standard * n / students;
                }
            }
            double budget = r.report().funding().publicFundsBudgetYuan();
            if (known && !atLeast(budget, required)) {
                b.school(r, students + " students funded " + budget + " yuan, less than " + Numbers.round(required, 2)
                        + " for " + (int) fundedAs, Map.of("yuan", Numbers.ceilAmount(required - budget, "yuan")));
            }
        }
    }

    // G7: special-education schools' per-student public funds
    static void specialEducationFunding(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> all) {
        double minimum = CheckParams.number(p, "minimumPerStudentYuan", 6000);
        for (ApprovedReport r : all) {
            if (!"SPECIAL_EDUCATION".equals(r.school().type())) {
                continue;
            }
            int students = 0;
            for (String stage : Stages.ALL) {
                students += ReportFields.students(r.report(), stage);
            }
            if (students == 0) {
                continue;
            }
            if (r.report().funding() == null) {
                b.missing("reports." + r.school().schoolCode() + ".funding");
                continue;
            }
            double perStudent = r.report().funding().publicFundsBudgetYuan() / students;
            if (!atLeast(perStudent, minimum)) {
                b.school(r, "public funds " + Numbers.round(perStudent, 2) + " yuan per student, below " + minimum,
                        Map.of("yuan", Numbers.ceilAmount((minimum - perStudent) * students, "yuan")));
            }
        }
    }

    // Q4: teacher training funds ≥ 5 % of each school's public-funds budget
    static void trainingFunds(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> schools) {
        double minimum = CheckParams.number(p, "minimumShare", 0.05);
        if (schools.isEmpty()) {
            b.missing("reports");
        }
        for (ApprovedReport r : schools) {
            if (r.report().funding() == null) {
                b.missing("reports." + r.school().schoolCode() + ".funding");
                continue;
            }
            double budget = r.report().funding().publicFundsBudgetYuan();
            double training = r.report().funding().teacherTrainingFundsYuan();
            if (budget <= 0) {
                // no budget: the share is undefined, and a zero budget would otherwise pass on nothing
                b.issue(r, "no public-funds budget reported: the training share is undefined", Map.of());
                b.missing("reports." + r.school().schoolCode() + ".funding.publicFundsBudgetYuan");
                continue;
            }
            if (!atLeast(training / budget, minimum)) {
                b.school(r, "training funds " + r4(training / budget) + " of the budget, below " + minimum,
                        Map.of("yuan", Numbers.ceilAmount(minimum * budget - training, "yuan")));
            }
        }
    }

    // local (seed 001): ≥ 6,000 yuan per pupil with a disability, counting special schools, 随班就读 and 送教上门
    static void disabledPupilFunding(CheckBuilder b, Map<String, Object> p, Findings f) {
        double minimum = CheckParams.number(p, "minimumPerPupilYuan", 6000);
        for (String figure : List.of("disabledPupilsSpecialSchools", "disabledPupilsRegularClasses",
                "disabledPupilsHomeTeaching", "disabledPupilFundsYuan")) {
            if (f == null || f.figure(figure) == null) {
                b.missing("figures." + figure);
            }
        }
        if (b.hasMissing()) {
            return;
        }
        double pupils = f.figure("disabledPupilsSpecialSchools") + f.figure("disabledPupilsRegularClasses")
                + f.figure("disabledPupilsHomeTeaching");
        if (pupils == 0) {
            b.detail("no pupil with a disability reported (all three counts given as 0)");
            return;
        }
        double funds = f.figure("disabledPupilFundsYuan");
        double perPupil = funds / pupils;
        b.detail((long) pupils + " pupils with a disability, " + Numbers.round(perPupil, 2) + " yuan each");
        if (!atLeast(perPupil, minimum)) {
            b.fail("public funds " + Numbers.round(perPupil, 2) + " yuan per pupil with a disability, below " + minimum
                    + ": " + Numbers.ceilAmount(minimum * pupils - funds, "yuan") + " yuan more");
        }
    }

    // local (seed 001): a boarding school's budget covers the per-student standard and perBoarderYuan per boarder
    static void boardingFunding(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> all, Findings f) {
        double perBoarder = CheckParams.number(p, "perBoarderYuan", 200);
        for (ApprovedReport r : all) {
            if (!r.school().boarding()) {
                continue;
            }
            String code = r.school().schoolCode();
            if (r.report().boarders() == null) {
                b.missing("reports." + code + ".boarders");
                continue;
            }
            if (r.report().funding() == null) {
                b.missing("reports." + code + ".funding");
                continue;
            }
            double required = perBoarder * r.report().boarders();
            boolean known = true;
            for (String stage : Stages.COMPULSORY) {
                int n = ReportFields.students(r.report(), stage);
                String figure = Stages.PRIMARY.equals(stage) ? "publicFundsStandardPrimaryYuan" : "publicFundsStandardJuniorYuan";
                if (n > 0 && (f == null || f.figure(figure) == null)) {
                    b.missing("figures." + figure);
                    known = false;
                } else if (n > 0) {
                    required += f.figure(figure) * n;
                }
            }
            double budget = r.report().funding().publicFundsBudgetYuan();
            if (known && !atLeast(budget, required)) {
                b.school(r, r.report().boarders() + " boarders: budget " + budget + " yuan, less than "
                        + Numbers.round(required, 2), Map.of("yuan", Numbers.ceilAmount(required - budget, "yuan")));
            }
        }
    }
}
