package io.balance.survey.invitation;

import io.balance.survey.campaign.SurveyResource;
import io.balance.survey.campaign.SurveyService;
import io.balance.survey.common.Caller;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/surveys/{id}/invitations")
@Authenticated
public class InvitationResource {
    @Inject
    InvitationService service;
    @Inject
    SurveyService surveys;
    @Inject
    JsonWebToken jwt;

    /** Issues a batch; the codes are returned once here (stored only hashed) and on the batch's sheet. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("id") String id, InvitationService.IssueInput body) {
        UUID surveyId = surveys.resolve(id);
        InvitationService.Issued issued = service.issue(Caller.of(jwt), surveyId, body);
        Map<String, Object> m = batchView(issued.batch());
        m.put("codes", issued.codes());
        m.put("links", issued.codes().stream().map(service::link).toList());
        return Response.status(201).entity(m).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> batches(@PathParam("id") String id) {
        return service.batches(Caller.of(jwt), surveys.resolve(id)).stream().map(this::batchView).toList();
    }

    @GET
    @Path("/{code}/qr.png")
    @Produces("image/png")
    public Response qr(@PathParam("id") String id, @PathParam("code") String code,
            @QueryParam("size") @DefaultValue("360") int size) {
        return Response.ok(service.qr(Caller.of(jwt), surveys.resolve(id), code, size), "image/png")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/batches/{batchId}/sheet.pdf")
    @Produces("application/pdf")
    public Response sheet(@PathParam("id") String id, @PathParam("batchId") String batchId) {
        byte[] pdf = service.sheet(Caller.of(jwt), surveys.resolve(id), SurveyResource.parseId(batchId));
        return Response.ok(pdf, "application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"invitations-" + batchId + ".pdf\"").build();
    }

    private Map<String, Object> batchView(InvitationService.Batch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batchId", b.batchId());
        m.put("surveyId", b.surveyId());
        m.put("schoolCode", b.schoolCode());
        m.put("location", b.location());
        m.put("group", b.group());
        m.put("count", b.count());
        m.put("createdAt", b.createdAt());
        m.put("createdBy", b.createdBy());
        m.put("sheet", "/api/v1/surveys/" + b.surveyId() + "/invitations/batches/" + b.batchId() + "/sheet.pdf");
        return m;
    }
}
