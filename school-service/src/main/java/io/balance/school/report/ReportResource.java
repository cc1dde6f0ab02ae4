package io.balance.school.report;

import io.balance.contracts.AnnualReportV1;
import io.balance.kit.caller.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.balance.kit.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{schoolCode}/reports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual reports", description = "学校年报 and their review: DRAFT → SUBMITTED → APPROVED")
@SecurityRequirement(name = "jwt")
public class ReportResource {
    @Inject
    ReportService service;
    @Inject
    Caller caller;

    public record RejectBody(@NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @Operation(operationId = "listReportYears", summary = "The years this school has reports for, each with its current revision and status")
    public List<ReportView> years(@PathParam("schoolCode") String schoolCode) {
        return service.years(schoolCode, caller);
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putReportDraft", summary = "Create or replace the DRAFT of a year's report",
            description = "A DRAFT is replaced in place. After approval a new DRAFT revision starts (201); the"
                    + " approved revision keeps counting until the new one is approved. A SUBMITTED report is"
                    + " under review: 409 until it is rejected. Every invalid field is reported in one 400.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnnualReportV1.class)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "The report is SUBMITTED (under review)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year, ReportInput body) {
        ReportService.PutResult r = service.put(schoolCode, year, body, caller);
        return Response.status(r.created() ? 201 : 200).entity(service.current(schoolCode, year, caller)).build();
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getReport", summary = "The current (latest) revision with its status; countingRevision is the approved one")
    public ReportView current(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year) {
        return service.current(schoolCode, year, caller);
    }

    @GET
    @Path("/{year}/approved")
    @Operation(operationId = "getApprovedReport", summary = "The approved revision that counts")
    public ReportView approved(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year) {
        return service.approved(schoolCode, year, caller);
    }

    @GET
    @Path("/{year}/revisions/{revision}")
    @Operation(operationId = "getReportRevision", summary = "One revision as it was stored")
    public ReportView revision(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year,
                               @PathParam("revision") String revision) {
        return service.revision(schoolCode, year, revision, caller);
    }

    @GET
    @Path("/{year}/history")
    @Operation(operationId = "getReportHistory", summary = "Audit trail: every revision and every transition with who and when")
    public ReportHistory history(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year) {
        return service.history(schoolCode, year, caller);
    }

    @POST
    @Path("/{year}/submit")
    @Operation(operationId = "submitReport", summary = "DRAFT → SUBMITTED (the school itself, or its county/province)")
    @APIResponse(responseCode = "409", description = "The report is not in the state this transition starts from",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReportView submit(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year) {
        service.submit(schoolCode, year, caller);
        return service.current(schoolCode, year, caller);
    }

    @POST
    @Path("/{year}/approve")
    @Operation(operationId = "approveReport", summary = "SUBMITTED → APPROVED (county, province or system administrator); publishes ReportApprovedV1")
    @APIResponse(responseCode = "409", description = "The report is not in the state this transition starts from",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReportView approve(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year) {
        service.approve(schoolCode, year, caller);
        return service.current(schoolCode, year, caller);
    }

    @POST
    @Path("/{year}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectReport", summary = "SUBMITTED → DRAFT with a reason, kept in the history")
    @RequestBody(content = @Content(schema = @Schema(implementation = RejectBody.class)))
    @APIResponse(responseCode = "409", description = "The report is not in the state this transition starts from",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReportView reject(@PathParam("schoolCode") String schoolCode, @PathParam("year") String year,
                             RejectBody body) {
        service.reject(schoolCode, year, body, caller);
        return service.current(schoolCode, year, caller);
    }
}
