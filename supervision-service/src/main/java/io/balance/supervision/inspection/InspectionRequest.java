package io.balance.supervision.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an inspector found at a school: annual-report fields by their dotted path in the report
 * ({@code facilities.sportsAreaM2}, {@code students.PRIMARY}, {@code teachers.JUNIOR.fullTime}) and the figure seen.
 */
public record InspectionRequest(
        @NotNull @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String schoolCode,
        @NotBlank @Size(max = 100) String inspector,
        @NotNull @PastOrPresent LocalDate date,
        @NotEmpty @Size(max = 100) Map<String, @NotNull BigDecimal> observed) {
}
