package io.balance.supervision.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A task of the plan (任务分解): its number, section, text, one lead department (牵头单位), co-operating
 * departments (配合单位) by catalogue code, a deadline (完成时限) and optionally the indicator or check it serves.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanItem(
        @NotNull @Min(1) @Max(100000) Integer seq,
        @Size(max = 200) String section,
        @NotBlank @Size(max = 4000) String text,
        @NotBlank String lead,
        List<@NotBlank String> cooperating,
        LocalDate deadline,
        @Size(max = 40) String ref) {

    public List<String> cooperatingOrEmpty() {
        return cooperating == null ? List.of() : cooperating;
    }
}
