package io.balance.school.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fictional but realistic county (伊水县, 示范省示范市, about 352,000 residents) with 40 schools of every type
 * and location and their 2025 annual reports. Numbers follow typical ratios of a central-China county;
 * some schools deliberately miss standards of evaluation-standards.md §2.1 (and a few §2.2 ones), so the
 * evaluation has something to find. Deterministic: the same code always gives the same files.
 */
public final class DemoCounty {
    public static final String PROVINCE = "990000";
    public static final String CITY = "999900";
    public static final String COUNTY = "999901";
    public static final long POPULATION = 352_000;
    /** Its split 城区 / 镇区 / 乡村 (the survey's sample follows it): 141,000 + 98,000 + 113,000 = 352,000. */
    public static final long URBAN_POPULATION = 141_000;
    public static final long TOWN_POPULATION = 98_000;
    public static final long RURAL_POPULATION = 113_000;
    public static final int YEAR = 2025;

    /** What a school deliberately lacks (null: nothing). */
    public enum Weakness {
        NONE, SMALL_SPORTS_AREA, FEW_BACKBONE, FEW_PE_ART_MUSIC, LOW_EQUIPMENT, FEW_MULTIMEDIA, SMALL_BUILDINGS,
        OVERSIZED, UNCERTIFIED_AND_LOW_TRAINING_FUNDS, SMALL_MUSIC_ROOM
    }

    /**
     * One school of the demo.
     *
     * @param seq      the last two digits of its code
     * @param students primary, junior, senior students
     */
    public record Spec(int seq, String name, String type, String location, boolean publicSchool, boolean boarding,
                       int[] students, Weakness weakness) {
        public String code() {
            return schoolCode(COUNTY, seq);
        }
    }

    public static String schoolCode(String county, int seq) {
        return "11" + county + String.format("%02d", seq);
    }

    static Spec s(int seq, String name, String type, String loc, boolean pub, boolean boarding, int p, int j, int sr,
                  Weakness w) {
        return new Spec(seq, name, type, loc, pub, boarding, new int[] {p, j, sr}, w);
    }

    public static final List<Spec> SCHOOLS = List.of(
            // 城区 urban
            s(1, "伊水县实验小学", "PRIMARY", "URBAN", true, false, 2150, 0, 0, Weakness.OVERSIZED),
            s(2, "伊水县第一小学", "PRIMARY", "URBAN", true, false, 1680, 0, 0, Weakness.SMALL_SPORTS_AREA),
            s(3, "伊水县第二小学", "PRIMARY", "URBAN", true, false, 1450, 0, 0, Weakness.NONE),
            s(4, "伊水县第三小学", "PRIMARY", "URBAN", true, false, 1220, 0, 0, Weakness.NONE),
            s(5, "伊水县城关镇中心小学", "PRIMARY", "URBAN", true, false, 980, 0, 0, Weakness.NONE),
            s(6, "伊水县第一初级中学", "JUNIOR", "URBAN", true, false, 0, 1850, 0, Weakness.SMALL_SPORTS_AREA),
            s(7, "伊水县第二初级中学", "JUNIOR", "URBAN", true, false, 0, 1400, 0, Weakness.NONE),
            s(8, "伊水县实验中学", "NINE_YEAR", "URBAN", true, false, 1200, 900, 0, Weakness.SMALL_BUILDINGS),
            s(9, "伊水县第二高级中学", "COMPLETE_MIDDLE", "URBAN", true, true, 0, 800, 1500, Weakness.NONE),
            s(10, "伊水县育才学校", "TWELVE_YEAR", "URBAN", false, true, 600, 450, 500, Weakness.NONE),
            s(11, "伊水县特殊教育学校", "SPECIAL_EDUCATION", "URBAN", true, true, 96, 48, 0, Weakness.NONE),
            s(12, "伊水县光明小学", "PRIMARY", "URBAN", false, false, 540, 0, 0, Weakness.UNCERTIFIED_AND_LOW_TRAINING_FUNDS),
            // 镇区 town
            s(13, "伊水县东湖镇中心小学", "PRIMARY", "TOWN", true, false, 860, 0, 0, Weakness.NONE),
            s(14, "伊水县西岭镇中心小学", "PRIMARY", "TOWN", true, false, 720, 0, 0, Weakness.NONE),
            s(15, "伊水县柳林镇中心小学", "PRIMARY", "TOWN", true, false, 650, 0, 0, Weakness.FEW_MULTIMEDIA),
            s(16, "伊水县水寨镇中心小学", "PRIMARY", "TOWN", true, false, 590, 0, 0, Weakness.NONE),
            s(17, "伊水县东湖镇第一初级中学", "JUNIOR", "TOWN", true, true, 0, 980, 0, Weakness.NONE),
            s(18, "伊水县西岭镇初级中学", "JUNIOR", "TOWN", true, true, 0, 760, 0, Weakness.LOW_EQUIPMENT),
            s(19, "伊水县柳林镇初级中学", "JUNIOR", "TOWN", true, true, 0, 640, 0, Weakness.NONE),
            s(20, "伊水县水寨镇九年一贯制学校", "NINE_YEAR", "TOWN", true, true, 520, 380, 0, Weakness.NONE),
            s(21, "伊水县白沙镇中心小学", "PRIMARY", "TOWN", true, false, 480, 0, 0, Weakness.NONE),
            s(22, "伊水县白沙镇初级中学", "JUNIOR", "TOWN", true, true, 0, 560, 0, Weakness.FEW_PE_ART_MUSIC),
            s(23, "伊水县鸣泉镇中学", "COMPLETE_MIDDLE", "TOWN", true, true, 0, 700, 900, Weakness.NONE),
            s(24, "伊水县鸣泉镇中心小学", "PRIMARY", "TOWN", true, false, 610, 0, 0, Weakness.NONE),
            // 乡村 rural
            s(25, "伊水县南山乡中心小学", "PRIMARY", "RURAL", true, false, 320, 0, 0, Weakness.FEW_BACKBONE),
            s(26, "伊水县北河乡中心小学", "PRIMARY", "RURAL", true, false, 280, 0, 0, Weakness.FEW_BACKBONE),
            s(27, "伊水县石桥乡中心小学", "PRIMARY", "RURAL", true, false, 260, 0, 0, Weakness.NONE),
            s(28, "伊水县杨庄乡中心小学", "PRIMARY", "RURAL", true, false, 240, 0, 0, Weakness.FEW_PE_ART_MUSIC),
            s(29, "伊水县高山乡九年一贯制学校", "NINE_YEAR", "RURAL", true, true, 310, 260, 0, Weakness.SMALL_MUSIC_ROOM),
            s(30, "伊水县南山乡初级中学", "JUNIOR", "RURAL", true, true, 0, 420, 0, Weakness.FEW_BACKBONE),
            s(31, "伊水县北河乡初级中学", "JUNIOR", "RURAL", true, true, 0, 380, 0, Weakness.NONE),
            s(32, "伊水县石桥乡杨树沟小学", "PRIMARY", "RURAL", true, false, 150, 0, 0, Weakness.NONE),
            s(33, "伊水县杨庄乡前营小学", "PRIMARY", "RURAL", true, false, 120, 0, 0, Weakness.LOW_EQUIPMENT),
            s(34, "伊水县东湖镇李家村小学", "PRIMARY", "RURAL", true, false, 96, 0, 0, Weakness.NONE),
            s(35, "伊水县南山乡马岭教学点", "TEACHING_POINT", "RURAL", true, false, 42, 0, 0, Weakness.NONE),
            s(36, "伊水县北河乡河口教学点", "TEACHING_POINT", "RURAL", true, false, 58, 0, 0, Weakness.FEW_MULTIMEDIA),
            s(37, "伊水县高山乡云台教学点", "TEACHING_POINT", "RURAL", true, false, 65, 0, 0, Weakness.NONE),
            s(38, "伊水县西岭镇后沟教学点", "TEACHING_POINT", "RURAL", true, false, 36, 0, 0, Weakness.NONE),
            s(39, "伊水县石桥乡中心学校", "NINE_YEAR", "RURAL", true, true, 280, 210, 0, Weakness.NONE),
            s(40, "伊水县柳林镇王庄小学", "PRIMARY", "RURAL", true, false, 180, 0, 0, Weakness.SMALL_SPORTS_AREA));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STAGES = {"PRIMARY", "JUNIOR", "SENIOR"};
    // standards of evaluation-standards.md §2.1 (senior: only for apportionment, typical values)
    private static final double[] AREA = {4.5, 5.8, 6.5};
    private static final double[] SPORTS = {7.5, 10.2, 10.2};
    private static final double[] EQUIPMENT = {2000, 2500, 3000};
    private static final double[] MULTIMEDIA = {2.3, 2.4, 2.4};
    private static final double[] FUNDS_PER_STUDENT = {720, 940, 1200};

    private DemoCounty() {
    }

    public static ObjectNode school(Spec s, String county) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", s.name()).put("countyCode", county).put("type", s.type()).put("location", s.location())
                .put("publicSchool", s.publicSchool()).put("boarding", s.boarding());
        return n;
    }

    /** The 2025 annual report of a school, in the contract's shape. */
    public static ObjectNode report(Spec s) {
        Random r = new Random(31L * s.seq() + s.name().hashCode());
        Weakness w = s.weakness();
        ObjectNode report = JSON.createObjectNode();
        ObjectNode students = report.putObject("students");
        ObjectNode classSizes = report.putObject("classSizes");
        ObjectNode teachers = report.putObject("teachers");
        int totalClasses = 0;
        int totalStudents = 0;
        double area = 0;
        double sports = 0;
        double equipment = 0;
        double multimedia = 0;
        double budget = 0;
        int books = 0;
        boolean special = s.type().equals("SPECIAL_EDUCATION");
        boolean point = s.type().equals("TEACHING_POINT");
        for (int i = 0; i < 3; i++) {
            int n = s.students()[i];
            boolean has = hasStage(s.type(), i);
            if (!has) {
                continue;
            }
            students.put(STAGES[i], n);
            if (n == 0) {
                classSizes.putArray(STAGES[i]);
                continue;
            }
            // class size: crowded in town centres, small in villages, multi-grade in teaching points
            int target = special ? 10 : point ? 14 : switch (s.location()) {
                case "URBAN" -> w == Weakness.OVERSIZED ? 52 : 44;
                case "TOWN" -> 43;
                default -> n < 200 ? 20 : 36;
            };
            if (i == 1 && !special) {
                target = Math.min(target + 3, 52);
            }
            int classes = Math.max(1, (int) Math.ceil(n / (double) target));
            ArrayNode sizes = classSizes.putArray(STAGES[i]);
            for (int c = 0; c < classes; c++) {
                sizes.add(n / classes + (c < n % classes ? 1 : 0));
            }
            totalClasses += classes;
            totalStudents += n;
            // teachers: pupil-teacher ratios typical for the stage and place (special education 1:3)
            double ratio = special ? 3.2 : i == 0 ? (s.location().equals("RURAL") ? 11.5 : 17.5) : i == 1 ? 12.2 : 12.8;
            int full = Math.max(2, (int) Math.round(n / ratio * (0.95 + r.nextDouble() * 0.1)));
            if (i < 2 || hasSenior(s.type())) {
                teachers.set(STAGES[i], teachers(full, i, n, s, r));
            }
            double f = 1.05 + r.nextDouble() * 0.35;
            area += n * AREA[i] * (w == Weakness.SMALL_BUILDINGS ? 0.78 : f);
            double sf = s.location().equals("RURAL") ? 1.3 + r.nextDouble() * 0.6 : 1.02 + r.nextDouble() * 0.3;
            sports += n * SPORTS[i] * (w == Weakness.SMALL_SPORTS_AREA ? 0.62 : w == Weakness.OVERSIZED ? 0.55 : sf);
            equipment += n * EQUIPMENT[i] * (w == Weakness.LOW_EQUIPMENT ? 0.7 : 1.05 + r.nextDouble() * 0.5);
            multimedia += n * MULTIMEDIA[i] / 100 * (w == Weakness.FEW_MULTIMEDIA ? 0.6 : 1.1 + r.nextDouble() * 0.3);
            budget += n * FUNDS_PER_STUDENT[i];
            books += n * (i == 0 ? 28 : 38);
        }
        // small rural schools and teaching points are funded as 100 students (G6); special schools ≥ 6000 / student
        if (special) {
            budget = totalStudents * 6500;
        } else if (totalStudents < 100) {
            budget = 100 * FUNDS_PER_STUDENT[0];
        }
        int musicRooms = Math.max(1, (int) Math.ceil(totalClasses / 12.0));
        ObjectNode facilities = report.putObject("facilities");
        facilities.put("teachingAuxAreaM2", round(area))
                .put("sportsAreaM2", round(sports))
                .put("equipmentValueYuan", Math.round(equipment / 100) * 100)
                .put("multimediaClassrooms", Math.max(1, (int) Math.ceil(multimedia)))
                .put("computers", Math.max(4, (int) Math.round(totalStudents * (0.11 + r.nextDouble() * 0.05))))
                .put("books", books);
        ArrayNode music = facilities.putArray("musicRoomAreasM2");
        ArrayNode art = facilities.putArray("artRoomAreasM2");
        if (!point) {
            for (int i = 0; i < musicRooms; i++) {
                music.add(w == Weakness.SMALL_MUSIC_ROOM && i == 0 ? 64.0 : 96.0 + r.nextInt(5) * 4);
                art.add(90.0 + r.nextInt(4) * 5);
            }
        }
        double trainingShare = w == Weakness.UNCERTIFIED_AND_LOW_TRAINING_FUNDS ? 0.02 : 0.05 + r.nextInt(3) * 0.005;
        report.putObject("funding").put("publicFundsBudgetYuan", Math.round(budget))
                .put("teacherTrainingFundsYuan", Math.round(budget * trainingShare));
        return report;
    }

    private static ObjectNode teachers(int full, int stage, int students, Spec s, Random r) {
        Weakness w = s.weakness();
        boolean rural = s.location().equals("RURAL");
        int above = (int) Math.round(full * (rural ? 0.82 : 0.9) + r.nextInt(2));
        double backboneShare = w == Weakness.FEW_BACKBONE ? 0.04 : rural ? 0.13 : 0.2;
        // backbone and PE/art/music teachers by students: per 100 students ≈ standard × factor
        int backbone = w == Weakness.FEW_BACKBONE
                ? Math.max(0, (int) Math.round(students * 0.004))
                : Math.max(1, (int) Math.round(Math.max(full * backboneShare, students * 0.0115)));
        int city = (int) Math.round(backbone * 0.4);
        int pe = w == Weakness.FEW_PE_ART_MUSIC
                ? Math.max(1, (int) Math.round(students * 0.005))
                : Math.max(1, (int) Math.round(students * (0.0095 + r.nextDouble() * 0.004)));
        int intermediate = (int) Math.round(full * (0.45 + r.nextDouble() * 0.15));
        int certified = w == Weakness.UNCERTIFIED_AND_LOW_TRAINING_FUNDS ? full - 3 : full;
        int trained = full - (r.nextInt(4) == 0 ? 1 : 0);
        int eligible = Math.max(1, (int) Math.round(full * 0.3));
        int rotated = (int) Math.ceil(eligible * (rural ? 0.1 : 0.12));
        int rotatedBackbone = Math.min(rotated, Math.min(backbone, (int) Math.ceil(rotated * 0.25)));
        ObjectNode t = JSON.createObjectNode();
        t.put("fullTime", full).put("aboveRequiredDegree", Math.min(full, above))
                .put("backboneCountyOrAbove", Math.min(full, backbone)).put("backboneCityOrAbove", Math.min(full, city))
                .put("peArtMusic", Math.min(full, pe)).put("intermediateTitleOrAbove", Math.min(full, intermediate))
                .put("certified", Math.max(0, certified)).put("training360Completed", Math.max(0, trained))
                .put("rotationEligible", eligible).put("rotated", rotated).put("rotatedBackbone", rotatedBackbone);
        return t;
    }

    private static boolean hasStage(String type, int stage) {
        return switch (type) {
            case "PRIMARY", "TEACHING_POINT" -> stage == 0;
            case "JUNIOR" -> stage == 1;
            case "NINE_YEAR", "SPECIAL_EDUCATION" -> stage < 2;
            case "TWELVE_YEAR" -> true;
            case "COMPLETE_MIDDLE" -> stage > 0;
            default -> false;
        };
    }

    private static boolean hasSenior(String type) {
        return type.equals("TWELVE_YEAR") || type.equals("COMPLETE_MIDDLE");
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The bulk-import body of the whole county: {"school": {schoolCode, ...}, "report": {...}} per school. */
    public static ArrayNode importRows(List<Spec> specs, String county, java.util.function.IntFunction<String> code) {
        ArrayNode rows = JSON.createArrayNode();
        for (Spec s : specs) {
            ObjectNode row = rows.addObject();
            ObjectNode school = school(s, county);
            school.put("schoolCode", code.apply(s.seq()));
            row.set("school", school);
            row.set("report", report(s));
        }
        return rows;
    }

    /** {@code n} schools for a benchmark: the demo's 40 repeated with fresh 10-digit codes in {@code county}. */
    public static List<Spec> scaled(int n) {
        List<Spec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Spec s = SCHOOLS.get(i % SCHOOLS.size());
            out.add(new Spec(i + 1, s.name() + "（" + (i / SCHOOLS.size() + 1) + "）", s.type(), s.location(),
                    s.publicSchool(), s.boarding(), s.students(), s.weakness()));
        }
        return out;
    }

    public static String benchCode(String county, int seq) {
        return county + String.format("%04d", seq);
    }
}
