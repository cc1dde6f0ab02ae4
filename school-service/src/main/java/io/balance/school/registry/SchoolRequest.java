package io.balance.school.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A school's attributes as sent in {@code PUT /schools/{code}} or as the {@code school} of a bulk-import row. Type
 * and location are text because a spreadsheet gives them by their Chinese labels too ({@link SchoolInput#from}
 * looks them up).
 */
public record SchoolRequest(
        @Pattern(regexp = "\\d{10}", message = SCHOOL_CODE) String schoolCode,
        /** The import's other name for schoolCode. */
        @Pattern(regexp = "\\d{10}", message = SCHOOL_CODE) String code,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String countyCode,
        @NotBlank @Size(max = 60) String type,
        @NotBlank @Size(max = 60) String location,
        @NotNull Boolean publicSchool,
        @NotNull Boolean boarding) {

    static final String SCHOOL_CODE = "must be a 10-digit school identifier (学校标识码)";
}
