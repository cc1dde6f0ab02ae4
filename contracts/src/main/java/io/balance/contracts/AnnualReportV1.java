package io.balance.contracts;

import java.util.List;
import java.util.Map;

/**
 * A school's annual report (学校年报) exactly in the shape of the integration contract.
 * Maps are keyed by stage: PRIMARY, JUNIOR, SENIOR. Optional parts may be null.
 */
public record AnnualReportV1(
        Map<String, Integer> students,
        Map<String, List<Integer>> classSizes,
        Map<String, Teachers> teachers,
        Facilities facilities,
        Funding funding) {

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

    /** Whole-school facilities; apportioned to stages by the indicator service. */
    public record Facilities(
            double teachingAuxAreaM2,
            double sportsAreaM2,
            double equipmentValueYuan,
            int multimediaClassrooms,
            int computers,
            int books,
            List<Double> musicRoomAreasM2,
            List<Double> artRoomAreasM2) {
    }

    public record Funding(
            double publicFundsBudgetYuan,
            double teacherTrainingFundsYuan) {
    }
}
