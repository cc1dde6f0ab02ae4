package io.balance.supervision.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Target progress of a county for a year: one row per target in force, its actual from the year's evaluation
 * under the plan's rule set, MET / NOT_MET / NO_DATA, and the years before it as the trend.
 */
public record ProgressView(String countyCode, int year, String ruleSet, List<Row> rows) {

    /** @param targetYear the plan year the target in force comes from (2 % set for 2022 holds in 2024) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(TargetKind kind, String stage, String indicator, Comparison comparison, int targetYear,
            @Schema(oneOf = {Double.class, String.class}) Object target,
            @Schema(oneOf = {Double.class, String.class}) Object actual,
            TargetStatus status, List<Point> trend) {
    }

    /** @param status null when no target was in force that year (only the actual is shown) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(int year, @Schema(oneOf = {Double.class, String.class}) Object target,
            @Schema(oneOf = {Double.class, String.class}) Object actual, TargetStatus status) {
    }

    static Object target(Progress.Judged j) {
        return j.targetVerdict() != null ? j.targetVerdict() : j.target() == null ? null : j.target().doubleValue();
    }

    static Object actual(Progress.Judged j) {
        return j.actual().verdict() != null ? j.actual().verdict() : j.actual().value();
    }

    static ProgressView of(String county, int year, String ruleSet, List<Progress.Row> rows) {
        return new ProgressView(county, year, ruleSet, rows.stream().map(r -> new Row(r.target().kind(),
                blank(r.target().stage()), blank(r.target().indicator()), r.target().comparison(), r.target().year(),
                target(r.judged()), actual(r.judged()), r.judged().status(),
                r.trend().stream().map(t -> new Point(t.year(), target(t), actual(t), t.status())).toList())).toList());
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
