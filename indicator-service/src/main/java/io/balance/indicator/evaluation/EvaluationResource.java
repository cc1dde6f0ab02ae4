package io.balance.indicator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.kit.caller.Caller;
import io.balance.indicator.common.Params;
import io.balance.kit.problem.ProblemException;
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
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A county's evaluation under a rule set, and its history for trends. */
@Path("/api/v1/counties/{countyCode}/evaluations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {
    @Inject
    EvaluationService evaluations;
    @Inject
    EvaluationStore store;
    @Inject
    CountyInputsRepository inputs;
    @Inject
    RuleSetService ruleSets;
    @Inject
    ReviewStages reviewStages;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;

    @Operation(operationId = "getCountyEvaluation", summary = "A county's evaluation for a year under a rule set (default: the most specific applicable set)")
    @GET
    @Path("/{year}")
    @APIResponse(responseCode = "200", description = "the county evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Evaluation.class)))
    public Response evaluation(@PathParam("countyCode") String countyCode, @PathParam("year") String year,
            @QueryParam("ruleSet") String ruleSet) {
        String county = Params.county(countyCode);
        int y = Params.year(year);
        caller.requireRead(county, "county " + county);
        RuleSetChoice.Chosen chosen = ruleSets.choose(ruleSet, county);
        if (!inputs.known(county)) {
            throw ProblemException.notFound("county " + county + " not found");
        }
        // pre-serialised: a warm read of a large county is a few lookups and a copy
        byte[] evaluation = evaluations.evaluationJson(county, y, chosen);
        return Response.ok(withReviewStage(evaluation, reviewStages.find(county, y)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private record ReviewStageMember(@JsonInclude(JsonInclude.Include.ALWAYS) CountyReviewStage reviewStage) {
    }

    /**
     * The cached evaluation object with {@code "reviewStage"} as its last member, added on the way out: the stage
     * is no part of the evaluation (its digest, revision and cache entry stay as they are).
     */
    private byte[] withReviewStage(byte[] evaluation, CountyReviewStage stage) {
        byte[] member;
        try {
            member = json.writeValueAsBytes(new ReviewStageMember(stage));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int end = evaluation.length - 1; // the evaluation's closing brace; Jackson writes no trailing whitespace
        if (evaluation[end] != '}' || member[0] != '{') {
            throw new IllegalStateException("an evaluation is serialised as a JSON object");
        }
        byte[] answer = Arrays.copyOf(evaluation, end + member.length);
        answer[end] = ',';
        System.arraycopy(member, 1, answer, end + 1, member.length - 1);
        return answer;
    }

    /** Every stored year's headline (verdict, CVs, compliant share …), oldest first. */
    @APIResponse(responseCode = "200", description = "stored headlines, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Summary.class)))
    @Operation(operationId = "listCountyEvaluationHistory", summary = "The stored headline of every year, oldest first")
    @GET
    public List<Summary> history(@PathParam("countyCode") String countyCode, @QueryParam("ruleSet") String ruleSet) {
        String county = Params.county(countyCode);
        caller.requireRead(county, "county " + county);
        RuleSet rules = ruleSets.forCounty(ruleSet, county);
        if (!inputs.known(county)) {
            throw ProblemException.notFound("county " + county + " not found");
        }
        Map<Integer, CountyReviewStage> stages = reviewStages.byYear(county);
        return store.history(county, rules.code()).stream().map(s -> s.withReviewStage(stages.get(s.year()))).toList();
    }
}
