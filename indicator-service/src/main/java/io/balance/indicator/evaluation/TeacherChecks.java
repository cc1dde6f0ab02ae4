package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.atLeast;
import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks on teachers (G9/G12 shares, G11 rotation, the Jiangxi pupil-teacher ratio). */
final class TeacherChecks {
    private TeacherChecks() {
    }

    // G9, G12: a share of all full-time teachers of the county
    static void teacherShare(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> all) {
        String field = (String) p.get("numerator");
        double minimum = CheckParams.number(p, "minimum", 1.0);
        double total = 0;
        double counted = 0;
        for (ApprovedReport r : all) {
            double schoolTotal = 0;
            double schoolCounted = 0;
            for (String stage : Stages.ALL) {
                schoolTotal += ReportFields.teacher(r.report(), stage, "fullTime");
                schoolCounted += ReportFields.teacher(r.report(), stage, field);
            }
            total += schoolTotal;
            counted += schoolCounted;
            if (schoolTotal > 0 && !atLeast(schoolCounted / schoolTotal, minimum)) {
                b.issue(r, field + " " + (int) schoolCounted + " of " + (int) schoolTotal + " full-time teachers",
                        Map.of("teachers", Math.ceil(minimum * schoolTotal - schoolCounted - 1e-9)));
            }
        }
        if (total == 0) {
            b.missing("reports.teachers");
            return;
        }
        double share = counted / total;
        b.detail(field + ": " + (int) counted + " of " + (int) total + " full-time teachers (" + r4(share) + ")");
        if (!atLeast(share, minimum)) {
            b.fail(field + " share " + r4(share) + " below " + minimum);
        }
    }

    // G11: rotation ≥ 10 % of eligible teachers, backbone ≥ 20 % of those rotated
    static void rotation(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> all) {
        double minRotated = CheckParams.number(p, "minimumRotatedShare", 0.10);
        double minBackbone = CheckParams.number(p, "minimumBackboneShare", 0.20);
        double eligible = 0;
        double rotated = 0;
        double backbone = 0;
        for (ApprovedReport r : all) {
            for (String stage : Stages.ALL) {
                eligible += ReportFields.teacher(r.report(), stage, "rotationEligible");
                rotated += ReportFields.teacher(r.report(), stage, "rotated");
                backbone += ReportFields.teacher(r.report(), stage, "rotatedBackbone");
            }
        }
        if (eligible == 0) {
            // nothing to measure is not a pass: the county must report its eligible teachers
            b.detail("no teacher reported eligible for rotation: the rotated share is undefined");
            b.missing("reports.teachers.rotationEligible");
            return;
        }
        double rotatedShare = rotated / eligible;
        b.detail("rotated " + (int) rotated + " of " + (int) eligible + " eligible (" + r4(rotatedShare) + "), backbone "
                + (int) backbone);
        if (!atLeast(rotatedShare, minRotated)) {
            b.fail("rotated share " + r4(rotatedShare) + " below " + minRotated + ": "
                    + (long) Math.ceil(minRotated * eligible - rotated - 1e-9) + " more teachers must rotate");
        }
        if (rotated > 0 && !atLeast(backbone / rotated, minBackbone)) {
            b.fail("backbone share of rotated " + r4(backbone / rotated) + " below " + minBackbone);
        } else if (rotated == 0 && minBackbone > 0) {
            b.fail("no backbone teacher rotated");
        }
    }

    // Jiangxi on-site form: students per full-time teacher within the stage's ratio
    static void pupilTeacherRatio(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> schools, RuleSet rules) {
        Map<String, Double> limits = CheckParams.numbers(p.get("maxStudentsPerTeacher"));
        for (ApprovedReport r : schools) {
            for (var e : limits.entrySet()) {
                int students = ReportFields.students(r.report(), e.getKey());
                if (students == 0) {
                    continue;
                }
                double teachers = ReportFields.teacher(r.report(), e.getKey(), "fullTime");
                if (teachers == 0 || students / teachers > e.getValue() + 1e-9) {
                    double needed = Math.ceil(students / e.getValue() - teachers - 1e-9);
                    b.school(r, e.getKey() + " " + students + " students for " + (int) teachers + " teachers (limit 1:"
                            + e.getValue() + ")", Map.of(e.getKey() + ".teachers", needed));
                }
            }
        }
    }
}
