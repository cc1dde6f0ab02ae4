package io.balance.survey.results;

import io.balance.survey.campaign.Access;
import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyService;
import io.balance.kit.caller.Caller;
import io.balance.survey.common.Db;
import io.balance.kit.problem.Problem;
import io.balance.survey.registry.Registry;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/surveys/{id}/results")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "survey results")
public class ResultsResource {
    @Inject
    SurveyService surveys;
    @Inject
    ResultsService results;
    @Inject
    Access access;
    @Inject
    Registry registry;
    @Inject
    Db db;
    @Inject
    Caller caller;

    /** Results computed from the stored answers at the time of the request. */
    @GET
    @Operation(operationId = "getSurveyResults", summary = "recognition rate (reviewed and over all answers), "
            + "per group, school and location, quota, valid-return rate; for the county once closed")
    @APIResponse(responseCode = "200", description = "the results",
            content = @Content(schema = @Schema(implementation = ResultsView.class)))
    @APIResponse(responseCode = "401", description = "no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a school reporter; or the county while the campaign runs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such campaign in the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResultsView results(@PathParam("id") String id) {
        Survey s = surveys.find(surveys.resolve(id));
        access.requireResults(caller, s);
        ResultsService.Results r = db.auto(c -> results.compute(c, s));
        return results.view(r, registry.schoolNames(s.countyCode()));
    }
}
