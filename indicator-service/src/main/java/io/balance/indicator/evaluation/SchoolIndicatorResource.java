package io.balance.indicator.evaluation;

import io.balance.kit.caller.Caller;
import io.balance.indicator.common.Params;
import io.balance.kit.problem.ProblemException;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One school's stage parts, values, standards and gaps; readable by its county's readers and its own reporter. */
@Path("/api/v1/schools/{schoolCode}/indicators/{year}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SchoolIndicatorResource {
    @Inject
    EvaluationService evaluations;
    @Inject
    CountyInputsRepository inputs;
    @Inject
    RuleSetService ruleSets;
    @Inject
    Caller caller;

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolIndicators.class)))
    @Operation(operationId = "getSchoolIndicators", summary = "A school's indicators, school rule and gaps for a year")
    @GET
    public SchoolIndicators indicators(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year,
            @QueryParam("ruleSet") String ruleSet) {
        String code = Params.school(schoolCode);
        int y = Params.year(year);
        String county = inputs.countyOfSchool(code);
        if (county == null || !caller.canReadSchool(code, county)) {
            throw ProblemException.notFound("school " + code + " not found");
        }
        CountyInputs.ApprovedReport report = inputs.report(code, y);
        if (report == null) {
            throw ProblemException.notFound("school " + code + " has no approved report for " + y);
        }
        String reportCounty = report.school().countyCode();
        RuleSet rules = ruleSets.forCounty(ruleSet, reportCounty);
        Evaluation countyEvaluation = evaluations.evaluate(reportCounty, y, rules);
        return SchoolIndicators.of(report, y, rules, countyEvaluation);
    }
}
