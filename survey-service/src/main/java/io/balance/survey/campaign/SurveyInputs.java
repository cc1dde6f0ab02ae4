package io.balance.survey.campaign;

import io.balance.kit.problem.ProblemException;
import io.balance.survey.common.Validation;
import io.balance.survey.questionnaire.Standard;
import io.balance.contracts.Location;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the supervising level sends to create a campaign or adjust its plan, and the checks of each field. */
public final class SurveyInputs {
    private SurveyInputs() {
    }

    @Schema(name = "CreateSurvey")
    public record CreateSurvey(
            @Schema(description = "6-digit county code", example = "410329") String countyCode,
            Integer year,
            @Schema(description = "BASIC (基本均衡, 满意度) or QUALITY (优质均衡, 认可度); QUALITY when left out")
            String standard,
            Instant opensAt,
            Instant closesAt,
            @Schema(description = "resident population per location (URBAN 城区, TOWN 镇区, RURAL 乡村); when left out, "
                    + "the registry's figures, else registered schools per location as a marked fallback")
            Map<String, Long> populationByLocation) {
    }

    @Schema(name = "SamplePlanInput")
    public record PlanInput(Integer total, Map<String, Integer> byGroup, Map<String, Integer> byLocation) {
    }

    /** The checked fields of a creation. */
    public record Creation(String countyCode, int year, Standard standard, Instant opensAt, Instant closesAt,
            Map<Location, Long> populationByLocation) {
    }

    public static Creation check(CreateSurvey in) {
        if (in == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Validation v = new Validation();
        if (in.countyCode() == null || !in.countyCode().matches("\\d{6}") || in.countyCode().endsWith("00")) {
            v.add("countyCode", "must be a 6-digit county code");
        }
        if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
            v.add("year", "must be a year between 2000 and 2100");
        }
        Standard standard = in.standard() == null ? Standard.QUALITY : Standard.parse(in.standard());
        if (standard == null) {
            v.add("standard", "must be BASIC (基本均衡, 满意度) or QUALITY (优质均衡, 认可度)");
        }
        if (in.opensAt() == null) {
            v.add("opensAt", "is required (ISO-8601 instant)");
        }
        if (in.closesAt() == null) {
            v.add("closesAt", "is required (ISO-8601 instant)");
        } else if (in.opensAt() != null && !in.closesAt().isAfter(in.opensAt())) {
            v.add("closesAt", "must be after opensAt");
        }
        Map<Location, Long> weights = new EnumMap<>(Location.class);
        if (in.populationByLocation() != null) {
            in.populationByLocation().forEach((k, n) -> {
                Location l = Location.parse(k);
                if (l == null) {
                    v.add("populationByLocation." + k, "must be URBAN, TOWN or RURAL");
                } else if (n == null || n < 0 || n > 2_000_000_000L) {
                    v.add("populationByLocation." + k, "must be a number of people between 0 and 2,000,000,000");
                } else {
                    weights.put(l, n);
                }
            });
            if (v.ok() && weights.values().stream().mapToLong(Long::longValue).sum() == 0) {
                v.add("populationByLocation", "must not be all zero");
            }
        }
        v.throwIfInvalid();
        return new Creation(in.countyCode(), in.year(), standard, in.opensAt(), in.closesAt(), weights);
    }

    /** Parses the plan's keys (unknown groups and locations are named); the counts are checked by the plan. */
    public static SamplePlan plan(PlanInput in, SamplePlan current) {
        if (in == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Validation v = new Validation();
        if (in.total() == null) {
            v.add("total", "is required");
        }
        if (in.byGroup() == null) {
            v.add("byGroup", "is required");
        }
        Map<Group, Integer> byGroup = new EnumMap<>(Group.class);
        if (in.byGroup() != null) {
            in.byGroup().forEach((k, n) -> {
                Group g = Group.parse(k);
                if (g == null) {
                    v.add("byGroup." + k, "is not a respondent group");
                } else {
                    byGroup.put(g, n);
                }
            });
        }
        Map<Location, Integer> byLocation = new EnumMap<>(Location.class);
        if (in.byLocation() != null) {
            in.byLocation().forEach((k, n) -> {
                Location l = Location.parse(k);
                if (l == null) {
                    v.add("byLocation." + k, "must be URBAN, TOWN or RURAL");
                } else {
                    byLocation.put(l, n);
                }
            });
        }
        v.throwIfInvalid();
        if (in.byLocation() != null) {
            return new SamplePlan(in.total(), byGroup, byLocation, SamplePlan.ADJUSTED);
        }
        // no split given: keep the current split's proportions, re-apportioned once the groups are known to be sound
        return new SamplePlan(in.total(), byGroup, Map.of(), current.locationBasis());
    }
}
