package io.balance.supervision.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the ledger. */
public final class ProblemRequests {
    private ProblemRequests() {
    }

    /** A MANUAL problem (by the county, a reviewer over it or a department). */
    public record NewProblem(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotBlank @Size(max = 1000) String title,
            @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String schoolCode,
            @Pattern(regexp = "PRIMARY|JUNIOR", message = "must be PRIMARY or JUNIOR") String stage,
            @Size(max = 100) String ref,
            @Valid NewGap gap,
            String department,
            @Size(max = 100) String owner,
            LocalDate deadline) {
    }

    public record NewGap(@NotBlank @Size(max = 40) String unit, @NotNull @DecimalMin("0") BigDecimal amount) {
    }

    /** PATCH: the fields given are changed, the others kept. */
    public record Assignment(String department, @Size(min = 1, max = 100) String owner, LocalDate deadline) {
    }

    /** The county or department says it is fixed: a note and the evidence files (ids uploaded to the problem). */
    public record Rectification(@NotBlank @Size(max = 4000) String note, @NotNull @Size(min = 1, message = "at least one evidence file") List<@NotBlank String> evidence) {
    }

    public record Note(@Size(max = 4000) String note) {
    }

    public record RequiredNote(@NotBlank @Size(max = 4000) String note) {
    }
}
