package io.balance.school.report;

import io.balance.contracts.AnnualReportV1;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * An annual report as sent (the contract's {@link AnnualReportV1} shape), with the rules a single field states; the
 * rules between fields and against the school's type are {@link ReportValidator}'s. The bounds are plausibility
 * bounds: beyond them a number is a typo, not a school. Stages are map keys, checked by the validator.
 */
public record ReportInput(
        @NotNull Map<String, @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 20_000, message = IMPLAUSIBLE) Integer> students,
        Map<String, @NotNull @Size(max = 300, message = "more than {max} classes is implausible")
                List<@NotNull @Min(value = 1, message = "a class has at least {value} student")
                @Max(value = 120, message = IMPLAUSIBLE) Integer>> classSizes,
        @NotNull Map<String, @NotNull @Valid TeachersInput> teachers,
        @NotNull @Valid FacilitiesInput facilities,
        @Valid FundingInput funding,
        @Min(value = 0, message = NEGATIVE) @Max(value = 20_000, message = IMPLAUSIBLE) Integer boarders) {

    static final String NEGATIVE = "must not be negative";
    static final String IMPLAUSIBLE = "must be at most {value} (implausible)";

    /** Teacher counts of one stage, in contract order; which may not exceed which is the validator's. */
    public record TeachersInput(
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer fullTime,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer aboveRequiredDegree,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer backboneCountyOrAbove,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer backboneCityOrAbove,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer peArtMusic,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer intermediateTitleOrAbove,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer certified,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer training360Completed,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer rotationEligible,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer rotated,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 3_000, message = IMPLAUSIBLE) Integer rotatedBackbone) {

        AnnualReportV1.Teachers toV1() {
            return new AnnualReportV1.Teachers(fullTime, aboveRequiredDegree, backboneCountyOrAbove,
                    backboneCityOrAbove, peArtMusic, intermediateTitleOrAbove, certified, training360Completed,
                    rotationEligible, rotated, rotatedBackbone);
        }
    }

    /** Optional lists: absent music or art rooms mean none; absent special rooms mean not reported. */
    public record FacilitiesInput(
            @NotNull @DecimalMin(value = "0", message = NEGATIVE) @DecimalMax(value = "2000000", message = IMPLAUSIBLE) Double teachingAuxAreaM2,
            @NotNull @DecimalMin(value = "0", message = NEGATIVE) @DecimalMax(value = "2000000", message = IMPLAUSIBLE) Double sportsAreaM2,
            @NotNull @DecimalMin(value = "0", message = NEGATIVE) @DecimalMax(value = "10000000000", message = IMPLAUSIBLE) Double equipmentValueYuan,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 2_000, message = IMPLAUSIBLE) Integer multimediaClassrooms,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 50_000, message = IMPLAUSIBLE) Integer computers,
            @NotNull @Min(value = 0, message = NEGATIVE) @Max(value = 10_000_000, message = IMPLAUSIBLE) Integer books,
            @Size(max = 200, message = "more than {max} rooms is implausible") List<@NotNull @Positive(message = ROOM_AREA)
                    @DecimalMax(value = "2000", message = IMPLAUSIBLE) Double> musicRoomAreasM2,
            @Size(max = 200, message = "more than {max} rooms is implausible") List<@NotNull @Positive(message = ROOM_AREA)
                    @DecimalMax(value = "2000", message = IMPLAUSIBLE) Double> artRoomAreasM2,
            List<AnnualReportV1.@NotNull SpecialRoom> specialRooms) {

        static final String ROOM_AREA = "a room's area must be positive";
    }

    public record FundingInput(
            @NotNull @DecimalMin(value = "0", message = NEGATIVE) @DecimalMax(value = "10000000000", message = IMPLAUSIBLE) Double publicFundsBudgetYuan,
            @NotNull @DecimalMin(value = "0", message = NEGATIVE) @DecimalMax(value = "10000000000", message = IMPLAUSIBLE) Double teacherTrainingFundsYuan) {
    }
}
