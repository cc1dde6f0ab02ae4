package io.balance.survey.review;

import io.balance.survey.campaign.SurveyService;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.caller.Caller;
import io.balance.kit.problem.Problem;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Flagged answers and their review, for the supervising level only (the county never sees single answers). */
@Path("/api/v1/surveys/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "survey review")
@APIResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "not the supervising level over the county",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such campaign (or flagged answer) in the caller's jurisdiction",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReviewResource {
    @Inject
    SurveyService surveys;
    @Inject
    ReviewService service;
    @Inject
    Caller caller;

    @GET
    @Path("/flagged")
    @Operation(operationId = "listFlaggedAnswers", summary = "flagged answers with their flags and current review")
    public List<FlaggedAnswer> flagged(@PathParam("id") String id,
            @QueryParam("pending") @DefaultValue("false") boolean pendingOnly,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        return service.flagged(caller, surveys.resolve(id), pendingOnly, Math.max(1, Math.min(limit, 5000)));
    }

    @POST
    @Path("/flagged/{responseId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewFlaggedAnswer", summary = "accept (counts as valid) or reject a flagged answer, "
            + "with a reason; audited")
    @APIResponse(responseCode = "200", description = "the recorded decision",
            content = @Content(schema = @Schema(implementation = FlaggedAnswer.Review.class)))
    @APIResponse(responseCode = "400", description = "decision or reason invalid, named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FlaggedAnswer.Review review(@PathParam("id") String id, @PathParam("responseId") String responseId,
            FlaggedAnswer.Decision body) {
        long response;
        try {
            response = Long.parseLong(responseId);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no flagged answer " + responseId + " in this survey");
        }
        return service.review(caller, surveys.resolve(id), response, body);
    }

    @GET
    @Path("/reviews")
    @Operation(operationId = "listFlagReviews", summary = "the audit trail of every review decision")
    public List<FlaggedAnswer.Review> reviews(@PathParam("id") String id) {
        return service.audit(caller, surveys.resolve(id));
    }
}
