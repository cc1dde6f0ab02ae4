package io.balance.indicator.ruleset;

import io.balance.indicator.common.Caller;
import io.balance.indicator.common.ProblemException;
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

/** Rule sets as data: read by every caller, variants created by province and system administrators. */
@Path("/api/v1/rule-sets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    @Inject
    RuleSetService service;
    @Inject
    Caller caller;

    @GET
    public List<RuleSet> list() {
        caller.role();
        return service.visible();
    }

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

    @GET
    @Path("/{code}/versions")
    public List<Map<String, Object>> versions(@PathParam("code") String code) {
        get(code);
        return service.versions(code);
    }

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
    @POST
    public Response create(RuleSetRequest request) {
        RuleSet rs = service.save(request, null, caller);
        return Response.created(URI.create("/api/v1/rule-sets/" + rs.code())).entity(rs).build();
    }

    /** The next version of an existing set (the earlier versions stay stored). */
    @PUT
    @Path("/{code}")
    public RuleSet newVersion(@PathParam("code") String code, RuleSetRequest request) {
        return service.save(request, code, caller);
    }
}
