package io.balance.supervision.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A county's plan: the rule set its targets (and its automatic problems) follow, and the yearly targets.
 * Shares are fractions (0.95 = 95 %); a VERDICT target's value is {@code "PASS"}.
 */
public record TargetPlan(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a rule-set code such as QUALITY_2017") String ruleSet,
        @NotNull @Size(max = 500) List<@NotNull @Valid Entry> targets) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull TargetKind kind,
            @Pattern(regexp = "PRIMARY|JUNIOR", message = "must be PRIMARY or JUNIOR") String stage,
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,19}", message = "must be an indicator id such as R4") String indicator,
            @NotNull Comparison comparison,
            @NotNull @Schema(oneOf = {Double.class, String.class}, description = "a number, or \"PASS\" for VERDICT") JsonNode value) {
    }
}
