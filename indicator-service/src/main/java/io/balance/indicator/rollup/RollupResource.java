package io.balance.indicator.rollup;

import io.balance.contracts.JurisdictionScope;
import io.balance.kit.caller.Caller;
import io.balance.indicator.common.Params;
import io.balance.kit.problem.ProblemException;
import io.balance.indicator.evaluation.CountyInputsRepository;
import io.balance.indicator.evaluation.Evaluation;
import io.balance.indicator.evaluation.EvaluationService;
import io.balance.indicator.evaluation.Summary;
import io.balance.indicator.review.CountyReviewStage;
import io.balance.indicator.review.ReviewStages;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetChoice;
import io.balance.indicator.ruleset.RuleSetService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Every county of a city or province with its verdict and key figures, under one rule set. */
@Path("/api/v1/rollups/{jurisdictionCode}/{year}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RollupResource {
    @Inject
    EvaluationService evaluations;
    @Inject
    CountyInputsRepository inputs;
    @Inject
    RuleSetService ruleSets;
    @Inject
    ReviewStages reviewStages;
    @Inject
    Caller caller;

    /**
     * @param totals   {@code counties}; per verdict ({@code PASS}, {@code FAIL}, {@code INCOMPLETE}); per review stage
     *                 ({@link CountyReviewStage#STAGES}, and {@code NOT_STARTED} for counties without one), each key
     *                 present (0 when none)
     * @param counties each county's headline with its {@code reviewStage}
     */
    public record Rollup(String jurisdictionCode, String name, String level, int year, String ruleSet,
            RuleSetChoice ruleSetChoice, Map<String, Integer> totals, List<Summary> counties) {
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rollup.class)))
    @Operation(operationId = "getRollup", summary = "Every county of a city or province with its verdict and key figures")
    @GET
    public Rollup rollup(@PathParam("jurisdictionCode") String jurisdictionCode, @PathParam("year") String year,
            @QueryParam("ruleSet") String ruleSet) {
        String code = Params.division(jurisdictionCode);
        int y = Params.year(year);
        caller.requireRead(code, "jurisdiction " + code);
        // by default the most specific set of the city or province (a Jiangxi roll-up: JIANGXI_QUALITY_2017)
        RuleSetChoice.Chosen chosen = ruleSet == null || ruleSet.isBlank() ? ruleSets.choose(null, code)
                : ruleSets.choose(ruleSet, null);
        RuleSet rules = chosen.rules();
        Map<String, String> counties = inputs.countiesUnder(code, y);
        String name = inputs.name(code);
        if (counties.isEmpty() && name == null) {
            throw ProblemException.notFound("jurisdiction " + code + " not found");
        }
        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put("counties", 0);
        totals.put(Evaluation.PASS, 0);
        totals.put(Evaluation.FAIL, 0);
        totals.put(Evaluation.INCOMPLETE, 0);
        CountyReviewStage.STAGES.forEach(stage -> totals.put(stage, 0));
        totals.put(CountyReviewStage.NOT_STARTED, 0);
        // the stages are read beside the evaluations, never part of them (revisions and caches are untouched)
        Map<String, CountyReviewStage> stages = reviewStages.find(counties.keySet(), y);
        List<Summary> rows = new ArrayList<>();
        for (String county : counties.keySet()) {
            if (!RuleSetService.appliesTo(rules, county)) {
                continue;
            }
            Evaluation e = evaluations.evaluate(county, y, rules);
            CountyReviewStage stage = stages.get(county);
            rows.add(Summary.of(e).withReviewStage(stage));
            totals.merge("counties", 1, Integer::sum);
            totals.merge(e.verdict(), 1, Integer::sum);
            totals.merge(stage == null ? CountyReviewStage.NOT_STARTED : stage.stage(), 1, Integer::sum);
        }
        return new Rollup(code, name, JurisdictionScope.levelOf(code).name(), y, rules.code(), chosen.choice(), totals,
                rows);
    }
}
