package io.balance.school.importing;

import io.balance.school.registry.Stage;
import io.balance.school.report.ReportValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat (one row per school) layout of the CSV and XLSX import and its template: Chinese headers, each
 * mapped to the JSON path of the contract it fills. Headers are also accepted in their path form
 * ({@code report.teachers.PRIMARY.fullTime}), so a machine-made file need not carry Chinese.
 */
public final class ImportColumns {
    public enum Kind { TEXT, BOOL, INT, NUMBER, INT_LIST, NUMBER_LIST }

    public record Column(String header, String path, Kind kind, String note) {
    }

    private static final Map<String, String> TEACHER_LABELS = Map.ofEntries(
            Map.entry("fullTime", "专任教师数"),
            Map.entry("aboveRequiredDegree", "高于规定学历教师数"),
            Map.entry("backboneCountyOrAbove", "县级以上骨干教师数"),
            Map.entry("backboneCityOrAbove", "市级以上骨干教师数"),
            Map.entry("peArtMusic", "体育艺术(美术、音乐)专任教师数"),
            Map.entry("intermediateTitleOrAbove", "中级及以上职称教师数"),
            Map.entry("certified", "持教师资格证专任教师数"),
            Map.entry("training360Completed", "完成五年360学时培训教师数"),
            Map.entry("rotationEligible", "应交流轮岗教师数"),
            Map.entry("rotated", "交流轮岗教师数"),
            Map.entry("rotatedBackbone", "交流轮岗骨干教师数"));

    public static final List<Column> ALL;
    private static final Map<String, Column> BY_HEADER = new LinkedHashMap<>();

    static {
        List<Column> c = new ArrayList<>();
        c.add(new Column("学校标识码", "school.schoolCode", Kind.TEXT, "10位学校标识码"));
        c.add(new Column("学校名称", "school.name", Kind.TEXT, null));
        c.add(new Column("办学类型", "school.type", Kind.TEXT,
                "小学/初中/九年一贯制学校/十二年一贯制学校/完全中学/特殊教育学校/教学点"));
        c.add(new Column("城乡类型", "school.location", Kind.TEXT, "城区/镇区/乡村"));
        c.add(new Column("是否公办", "school.publicSchool", Kind.BOOL, "是/否 (民办填否)"));
        c.add(new Column("是否寄宿制", "school.boarding", Kind.BOOL, "是/否"));
        for (Stage s : Stage.values()) {
            c.add(new Column(s.label + "在校生数", "report.students." + s, Kind.INT, "学年初注册学生数"));
        }
        for (Stage s : Stage.values()) {
            c.add(new Column(s.label + "各班人数", "report.classSizes." + s, Kind.INT_LIST,
                    "每班人数，用分号分隔，如 45;44;43"));
        }
        for (Stage s : Stage.values()) {
            for (String f : ReportValidator.TEACHER_FIELDS) {
                c.add(new Column(s.label + TEACHER_LABELS.get(f), "report.teachers." + s + "." + f, Kind.INT,
                        s == Stage.SENIOR ? "高中段可不填" : null));
            }
        }
        c.add(new Column("教学及辅助用房面积(平方米)", "report.facilities.teachingAuxAreaM2", Kind.NUMBER, "不含室内体育馆"));
        c.add(new Column("体育运动场馆面积(平方米)", "report.facilities.sportsAreaM2", Kind.NUMBER, null));
        c.add(new Column("教学仪器设备值(元)", "report.facilities.equipmentValueYuan", Kind.NUMBER, null));
        c.add(new Column("网络多媒体教室数", "report.facilities.multimediaClassrooms", Kind.INT, null));
        c.add(new Column("计算机台数", "report.facilities.computers", Kind.INT, null));
        c.add(new Column("图书册数", "report.facilities.books", Kind.INT, null));
        c.add(new Column("音乐专用教室面积(平方米)", "report.facilities.musicRoomAreasM2", Kind.NUMBER_LIST,
                "每间一个面积，用分号分隔，如 96;100"));
        c.add(new Column("美术专用教室面积(平方米)", "report.facilities.artRoomAreasM2", Kind.NUMBER_LIST,
                "每间一个面积，用分号分隔"));
        c.add(new Column("公用经费预算(元)", "report.funding.publicFundsBudgetYuan", Kind.NUMBER, null));
        c.add(new Column("教师培训经费(元)", "report.funding.teacherTrainingFundsYuan", Kind.NUMBER, null));
        ALL = Collections.unmodifiableList(c);
        for (Column col : ALL) {
            BY_HEADER.put(normalise(col.header()), col);
            BY_HEADER.put(normalise(col.path()), col);
        }
    }

    private ImportColumns() {
    }

    /** The column for a header cell, or null. Tolerates spaces, full-width brackets and the ㎡ sign. */
    public static Column byHeader(String header) {
        return header == null ? null : BY_HEADER.get(normalise(header));
    }

    /** The column a field error belongs to (its path or the nearest enclosing path), or null. */
    public static String headerOf(String fieldPath) {
        String p = fieldPath.replaceAll("\\[\\d+]$", "");
        for (Column c : ALL) {
            if (c.path().equals(p)) {
                return c.header();
            }
        }
        return null;
    }

    static String normalise(String s) {
        return s.replace("\uFEFF", "").replaceAll("\\s", "").replace('（', '(').replace('）', ')')
                .replace("㎡", "平方米").replace("m²", "平方米").replace("m2", "平方米");
    }
}
