package io.balance.supervision.department;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 责任单位: a responsible department of a county, by a short code (EDU) and its name (教育局). */
public record Department(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be 1-40 capital letters, digits or _, starting with a letter") String code,
        @NotNull @Size(min = 1, max = 100) String name) {
}
