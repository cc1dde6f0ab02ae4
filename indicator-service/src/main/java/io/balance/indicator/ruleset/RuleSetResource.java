package io.balance.indicator.ruleset;

import io.balance.kit.caller.Caller;
import io.balance.kit.problem.Problem;
import io.balance.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Rule sets as data: read by every caller, variants created by province and system administrators. */
@Path("/api/v1/rule-sets")
@APIResponse(responseCode = "409", description = "the rule set or version exists",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    @Inject
    RuleSetService service;
    @Inject
    Caller caller;

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSet.class)))
    @Operation(operationId = "listRuleSets", summary = "Every rule set, latest versions")
    @GET
    public List<RuleSet> list() {
        caller.role();
        return service.visible();
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.class)))
    @Operation(operationId = "getRuleSet", summary = "The latest version of a rule set")
    @GET
    @Path("/{code}")
    public RuleSet get(@PathParam("code") String code) {
        caller.role();
        RuleSet rs = service.all().get(code);
        if (rs == null) {
            throw ProblemException.notFound("rule set " + code + " not found");
        }
        return rs;
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSetService.Version.class)))
    @Operation(operationId = "listRuleSetVersions", summary = "The stored versions of a rule set")
    @GET
    @Path("/{code}/versions")
    public List<RuleSetService.Version> versions(@PathParam("code") String code) {
        get(code);
        return service.versions(code);
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.class)))
    @Operation(operationId = "getRuleSetVersion", summary = "One version of a rule set")
    @GET
    @Path("/{code}/versions/{version}")
    public RuleSet version(@PathParam("code") String code, @PathParam("version") String version) {
        caller.role();
        RuleSet rs = version.matches("\\d{1,6}") ? service.version(code, Integer.parseInt(version)) : null;
        if (rs == null) {
            throw ProblemException.notFound("rule set " + code + " version " + version + " not found");
        }
        return rs;
    }

    /** A new set, typically a provincial variant: {@code {"code", "basedOn", "patch"}} or a whole {@code document}. */
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.class)))
    @Operation(operationId = "createRuleSet", summary = "Create a rule set, typically a provincial variant (basedOn + merge patch)")
    @POST
    public Response create(RuleSetRequest request) {
        RuleSet rs = service.save(request, null, caller);
        return Response.created(URI.create("/api/v1/rule-sets/" + rs.code())).entity(rs).build();
    }

    /** The next version of an existing set (the earlier versions stay stored). */
    @APIResponse(responseCode = "200", description = "the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.class)))
    @Operation(operationId = "createRuleSetVersion", summary = "Add the next version of a rule set")
    @PUT
    @Path("/{code}")
    public RuleSet newVersion(@PathParam("code") String code, RuleSetRequest request) {
        return service.save(request, code, caller);
    }
}
