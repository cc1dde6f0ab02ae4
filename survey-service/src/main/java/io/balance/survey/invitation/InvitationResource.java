package io.balance.survey.invitation;

import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.SurveyResource;
import io.balance.survey.campaign.SurveyService;
import io.balance.kit.caller.Caller;
import io.balance.kit.problem.Problem;
import io.balance.contracts.Location;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invitations: issued, listed and printed by the supervising level only. Codes never appear in a URL; to anyone
 * else every batch and code is a 404.
 */
@Path("/api/v1/surveys/{id}/invitations")
@Authenticated
@Tag(name = "survey invitations")
@APIResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such campaign, batch or invitation for this caller (codes "
        + "are for the supervising level only)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InvitationResource {
    @Inject
    InvitationService service;
    @Inject
    SurveyService surveys;
    @Inject
    Caller caller;

    @Schema(name = "InvitationBatch")
    public record BatchView(UUID batchId, UUID surveyId, String schoolCode, Location location, Group group, int count,
            Instant createdAt, String createdBy, String sheet) {
        static BatchView of(InvitationService.Batch b) {
            return new BatchView(b.batchId(), b.surveyId(), b.schoolCode(), b.location(), b.group(), b.count(),
                    b.createdAt(), b.createdBy(), "/api/v1/surveys/" + b.surveyId() + "/invitations/batches/"
                            + b.batchId() + "/sheet.pdf");
        }
    }

    @Schema(name = "IssuedInvitations", description = "the batch with its codes, shown once (stored only hashed)")
    public record IssuedView(UUID batchId, UUID surveyId, String schoolCode, Location location, Group group,
            int count, Instant createdAt, String createdBy, String sheet, List<String> codes, List<String> links) {
    }

    /** Issues a batch; the codes are returned once here (stored only hashed) and on the batch's sheet. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueInvitations", summary = "a batch of single-use codes for one school and group, "
            + "within the quota (supervising level)")
    @APIResponse(responseCode = "201", description = "issued",
            content = @Content(schema = @Schema(implementation = IssuedView.class)))
    @APIResponse(responseCode = "400", description = "invalid fields, named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not the supervising level",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "quota exceeded, or the campaign is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@PathParam("id") String id, InvitationService.IssueInput body) {
        UUID surveyId = surveys.resolve(id);
        InvitationService.Issued issued = service.issue(caller, surveyId, body);
        BatchView b = BatchView.of(issued.batch());
        return Response.status(201).header("Cache-Control", "no-store").entity(new IssuedView(b.batchId(),
                b.surveyId(), b.schoolCode(), b.location(), b.group(), b.count(), b.createdAt(), b.createdBy(),
                b.sheet(), issued.codes(), issued.codes().stream().map(service::link).toList())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listInvitationBatches", summary = "the campaign's batches (no codes)")
    public List<BatchView> batches(@PathParam("id") String id) {
        return service.batches(caller, surveys.resolve(id)).stream().map(BatchView::of).toList();
    }

    @GET
    @Path("/batches/{batchId}/codes/{index}/qr.png")
    @Produces("image/png")
    @Operation(operationId = "getInvitationQr", summary = "the QR image of the batch's invitation number {index} "
            + "(from 0), which leads to its public page")
    public Response qr(@PathParam("id") String id, @PathParam("batchId") String batchId,
            @PathParam("index") int index, @QueryParam("size") @DefaultValue("360") int size) {
        return Response.ok(service.qr(caller, surveys.resolve(id), SurveyResource.parseId(batchId), index,
                size), "image/png").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/batches/{batchId}/sheet.pdf")
    @Produces("application/pdf")
    @Operation(operationId = "getInvitationSheet", summary = "the batch's printable sheet of QR slips")
    public Response sheet(@PathParam("id") String id, @PathParam("batchId") String batchId) {
        byte[] pdf = service.sheet(caller, surveys.resolve(id), SurveyResource.parseId(batchId));
        return Response.ok(pdf, "application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"invitations-" + batchId + ".pdf\"").build();
    }
}
