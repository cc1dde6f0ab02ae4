package io.balance.contracts;

import java.util.List;
import java.util.Map;

/**
 * A school's annual report (学校年报) exactly in the shape of the integration contract.
 * Maps are keyed by stage: PRIMARY, JUNIOR, SENIOR. Optional parts may be null.
 *
 * @param boarders pupils boarding at the school (寄宿生), optional (added in contract v1, additive)
 */
public record AnnualReportV1(
        Map<String, Integer> students,
        Map<String, List<Integer>> classSizes,
        Map<String, Teachers> teachers,
        Facilities facilities,
        Funding funding,
        Integer boarders) {

    /** A report without the optional boarder count. */
    public AnnualReportV1(Map<String, Integer> students, Map<String, List<Integer>> classSizes,
            Map<String, Teachers> teachers, Facilities facilities, Funding funding) {
        this(students, classSizes, teachers, facilities, funding, null);
    }

    /** Teacher counts of one stage. */
    public record Teachers(
            int fullTime,
            int aboveRequiredDegree,
            int backboneCountyOrAbove,
            int backboneCityOrAbove,
            int peArtMusic,
            int intermediateTitleOrAbove,
            int certified,
            int training360Completed,
            int rotationEligible,
            int rotated,
            int rotatedBackbone) {
    }

    /**
     * Whole-school facilities; apportioned to stages by the indicator service.
     *
     * @param specialRooms the categories of special-purpose rooms the school has (专用教室, Jiangxi's 7 primary /
     *                     9 junior categories); optional, null when not reported (added in contract v1, additive)
     */
    public record Facilities(
            double teachingAuxAreaM2,
            double sportsAreaM2,
            double equipmentValueYuan,
            int multimediaClassrooms,
            int computers,
            int books,
            List<Double> musicRoomAreasM2,
            List<Double> artRoomAreasM2,
            List<SpecialRoom> specialRooms) {

        /** Facilities without the optional special-room categories. */
        public Facilities(double teachingAuxAreaM2, double sportsAreaM2, double equipmentValueYuan,
                int multimediaClassrooms, int computers, int books, List<Double> musicRoomAreasM2,
                List<Double> artRoomAreasM2) {
            this(teachingAuxAreaM2, sportsAreaM2, equipmentValueYuan, multimediaClassrooms, computers, books,
                    musicRoomAreasM2, artRoomAreasM2, null);
        }
    }

    /**
     * Special-purpose room categories (专用教室) of the provincial basic school standards, e.g. Jiangxi: primary
     * schools 7 (音乐、体育、美术器材室, 科学教室, 计算机教室, 多媒体教室, 图书室), junior schools 9 (the
     * three equipment rooms, 计算机教室, 多媒体教室, 图书室, 物理、化学、生物实验室).
     */
    public enum SpecialRoom {
        MUSIC_EQUIPMENT, // 音乐器材室
        PE_EQUIPMENT, // 体育器材室
        ART_EQUIPMENT, // 美术器材室
        SCIENCE, // 科学教室
        COMPUTER, // 计算机教室
        MULTIMEDIA, // 多媒体教室
        LIBRARY, // 图书室
        PHYSICS_LAB, // 物理实验室
        CHEMISTRY_LAB, // 化学实验室
        BIOLOGY_LAB // 生物实验室
    }

    public record Funding(
            double publicFundsBudgetYuan,
            double teacherTrainingFundsYuan) {
    }
}
