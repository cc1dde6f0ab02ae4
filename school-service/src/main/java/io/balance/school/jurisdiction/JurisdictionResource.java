package io.balance.school.jurisdiction;

import io.balance.kit.caller.Caller;
import io.balance.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jurisdictions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jurisdictions", description = "Provinces, cities and counties (行政区划)")
@SecurityRequirement(name = "jwt")
public class JurisdictionResource {
    @Inject
    JurisdictionService service;
    @Inject
    Caller caller;

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putJurisdiction", summary = "Create or change a jurisdiction",
            description = "Provinces: SYSTEM_ADMIN only; cities and counties: a province administrator within its"
                    + " province. residentPopulation is required for counties; urbanPopulation, townPopulation and"
                    + " ruralPopulation may split it (all three, summing to it). 201 when created, 200 when changed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = JurisdictionInput.class)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JurisdictionView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JurisdictionView.class)))
    public Response put(@PathParam("code") String code, JurisdictionInput body) {
        JurisdictionService.Result r = service.put(code, body, caller);
        return Response.status(r.created() ? 201 : 200).entity(JurisdictionView.of(r.jurisdiction())).build();
    }

    @GET
    @Operation(operationId = "listTopJurisdictions", summary = "The top jurisdictions the caller can see (all provinces for a system administrator)")
    public List<JurisdictionView> roots() {
        if (caller.isSystemAdmin()) {
            return Jurisdiction.<Jurisdiction>list("parentCode is null order by code").stream()
                    .map(JurisdictionView::of).toList();
        }
        if (caller.jurisdiction().length() != 6) {
            return List.of();
        }
        Jurisdiction own = Jurisdiction.findById(caller.jurisdiction());
        return own == null ? List.of() : List.of(JurisdictionView.of(own));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getJurisdiction", summary = "One jurisdiction")
    public JurisdictionView get(@PathParam("code") String code) {
        return JurisdictionView.of(find(code));
    }

    @GET
    @Path("/{code}/children")
    @Operation(operationId = "listChildJurisdictions", summary = "The cities of a province, or the counties of a city")
    public List<JurisdictionView> children(@PathParam("code") String code) {
        find(code);
        return Jurisdiction.children(code).stream().map(JurisdictionView::of).toList();
    }

    private Jurisdiction find(String code) {
        if (code == null || !code.matches("\\d{6}") || !caller.canReadDivision(code)) {
            throw ProblemException.notFound("no jurisdiction " + code);
        }
        Jurisdiction j = Jurisdiction.findById(code);
        if (j == null) {
            throw ProblemException.notFound("no jurisdiction " + code);
        }
        return j;
    }
}
