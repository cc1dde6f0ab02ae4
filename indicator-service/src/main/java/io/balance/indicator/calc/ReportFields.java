package io.balance.indicator.calc;

import io.balance.contracts.AnnualReportV1;
import java.util.List;
import java.util.Set;

/** The report fields a rule set may name as an indicator's numerator. */
public final class ReportFields {
    public static final Set<String> TEACHER_FIELDS = Set.of("fullTime", "aboveRequiredDegree", "backboneCountyOrAbove",
            "backboneCityOrAbove", "peArtMusic", "intermediateTitleOrAbove", "certified", "training360Completed",
            "rotationEligible", "rotated", "rotatedBackbone");
    public static final Set<String> FACILITY_FIELDS = Set.of("teachingAuxAreaM2", "sportsAreaM2", "equipmentValueYuan",
            "multimediaClassrooms", "computers", "books");

    private ReportFields() {
    }

    public static boolean known(String numerator) {
        return teacherField(numerator) != null && TEACHER_FIELDS.contains(teacherField(numerator))
                || facilityField(numerator) != null && FACILITY_FIELDS.contains(facilityField(numerator));
    }

    public static String teacherField(String numerator) {
        return numerator != null && numerator.startsWith("teachers.") ? numerator.substring(9) : null;
    }

    public static String facilityField(String numerator) {
        return numerator != null && numerator.startsWith("facilities.") ? numerator.substring(11) : null;
    }

    /** A per-stage teacher count (0 when the stage has no teacher figures). */
    public static double teacher(AnnualReportV1 report, String stage, String field) {
        AnnualReportV1.Teachers t = report.teachers() == null ? null : report.teachers().get(stage);
        if (t == null) {
            return 0;
        }
        return switch (field) {
            case "fullTime" -> t.fullTime();
            case "aboveRequiredDegree" -> t.aboveRequiredDegree();
            case "backboneCountyOrAbove" -> t.backboneCountyOrAbove();
            case "backboneCityOrAbove" -> t.backboneCityOrAbove();
            case "peArtMusic" -> t.peArtMusic();
            case "intermediateTitleOrAbove" -> t.intermediateTitleOrAbove();
            case "certified" -> t.certified();
            case "training360Completed" -> t.training360Completed();
            case "rotationEligible" -> t.rotationEligible();
            case "rotated" -> t.rotated();
            case "rotatedBackbone" -> t.rotatedBackbone();
            default -> throw new IllegalArgumentException("unknown teacher field " + field);
        };
    }

    /** A whole-school facility amount (0 when the report has no facilities). */
    public static double facility(AnnualReportV1 report, String field) {
        AnnualReportV1.Facilities f = report.facilities();
        if (f == null) {
            return 0;
        }
        return switch (field) {
            case "teachingAuxAreaM2" -> f.teachingAuxAreaM2();
            case "sportsAreaM2" -> f.sportsAreaM2();
            case "equipmentValueYuan" -> f.equipmentValueYuan();
            case "multimediaClassrooms" -> f.multimediaClassrooms();
            case "computers" -> f.computers();
            case "books" -> f.books();
            default -> throw new IllegalArgumentException("unknown facility field " + field);
        };
    }

    public static int students(AnnualReportV1 report, String stage) {
        return report.students() == null ? 0 : report.students().getOrDefault(stage, 0);
    }

    public static int compulsoryStudents(AnnualReportV1 report) {
        return students(report, Stages.PRIMARY) + students(report, Stages.JUNIOR);
    }

    public static List<Integer> classes(AnnualReportV1 report, String stage) {
        if (report.classSizes() == null || report.classSizes().get(stage) == null) {
            return List.of();
        }
        return report.classSizes().get(stage);
    }
}
