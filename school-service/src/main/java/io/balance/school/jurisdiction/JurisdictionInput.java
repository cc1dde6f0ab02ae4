package io.balance.school.jurisdiction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /jurisdictions/{code}}. The level is bound as text so that a wrong level and a wrong
 * population are reported in one answer; which fields a level needs is {@link JurisdictionService}'s.
 */
public record JurisdictionInput(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "PROVINCE|CITY|COUNTY", message = "must be one of PROVINCE, CITY, COUNTY")
        @Schema(implementation = Jurisdiction.Level.class) String level,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String parentCode,
        @Min(value = 0, message = NEGATIVE) @Max(value = MAX_POPULATION, message = IMPLAUSIBLE) Long residentPopulation,
        @Schema(description = "resident population of the urban area (城区); counties only, optional, with town"
                + " and rural all three or none, summing to residentPopulation: the survey's sample is split"
                + " by location in proportion to it")
        @Min(value = 0, message = NEGATIVE) @Max(value = MAX_POPULATION, message = IMPLAUSIBLE) Long urbanPopulation,
        @Schema(description = "resident population of town areas (镇区)")
        @Min(value = 0, message = NEGATIVE) @Max(value = MAX_POPULATION, message = IMPLAUSIBLE) Long townPopulation,
        @Schema(description = "resident population of rural areas (乡村)")
        @Min(value = 0, message = NEGATIVE) @Max(value = MAX_POPULATION, message = IMPLAUSIBLE) Long ruralPopulation,
        @Schema(description = "optional; must be the path's code") String code) {

    /** China's population is about 1.41 billion; a single division above that is a typo. */
    static final long MAX_POPULATION = 1_500_000_000L;
    static final String NEGATIVE = "must not be negative";
    static final String IMPLAUSIBLE = "must be at most {value} (implausible)";
}
