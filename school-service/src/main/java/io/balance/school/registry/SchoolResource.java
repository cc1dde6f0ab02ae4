package io.balance.school.registry;

import io.balance.contracts.Location;
import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.kit.caller.Caller;
import io.balance.kit.problem.ProblemException;
import io.balance.school.jurisdiction.Jurisdiction;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/schools")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "The school registry (学校)")
@SecurityRequirement(name = "jwt")
public class SchoolResource {
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    SchoolService service;
    @Inject
    Caller caller;

    public record SchoolBody(String name, String countyCode, SchoolType type, Location location,
                             boolean publicSchool, boolean boarding) {
    }

    public record SchoolPage(List<SchoolView> items, int page, int size, long total) {
    }

    @PUT
    @Path("/{schoolCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putSchool", summary = "Register or change a school",
            description = "The county must exist. County, province and system administrators within their"
                    + " jurisdiction. 201 when registered, 200 otherwise.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SchoolBody.class)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)))
    public Response put(@PathParam("schoolCode") String code, SchoolRequest body) {
        SchoolService.Result r = service.put(code, body, caller);
        return Response.status(r.created() ? 201 : 200).entity(SchoolView.of(r.school())).build();
    }

    @GET
    @Path("/{schoolCode}")
    @Operation(operationId = "getSchool", summary = "One school")
    public SchoolView get(@PathParam("schoolCode") String code) {
        School s = code != null && code.matches("\\d{10}") ? School.findById(code) : null;
        if (s == null || !caller.canReadSchool(code, s.countyCode)) {
            throw ProblemException.notFound("no school " + code);
        }
        return SchoolView.of(s);
    }

    @GET
    @Operation(operationId = "listSchools", summary = "Schools, paged; by county (countyCode) or everything the caller can see",
            description = "page starts at 0; size 1..500 (default 50)")
    public SchoolPage list(@QueryParam("countyCode") String countyCode, @QueryParam("type") String type,
                           @QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        int page = intParam("page", pageParam, 0, 0, Integer.MAX_VALUE);
        int size = intParam("size", sizeParam, 50, 1, MAX_PAGE_SIZE);
        SchoolType schoolType = null;
        if (type != null && !type.isBlank()) {
            schoolType = SchoolType.parse(type);
            if (schoolType == null) {
                throw ProblemException.invalid("type", "unknown school type \"" + type + "\"");
            }
        }
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (countyCode != null && !countyCode.isBlank()) {
            if (!countyCode.matches("\\d{6}")) {
                throw ProblemException.invalid("countyCode", "must be a 6-digit county code");
            }
            if (caller.role() != Role.SCHOOL_REPORTER) {
                caller.requireRead(countyCode, "jurisdiction " + countyCode);
                if (Jurisdiction.findById(countyCode) == null) {
                    throw ProblemException.notFound("no jurisdiction " + countyCode);
                }
            }
            q.append(" and countyCode = :county");
            params.put("county", countyCode);
        }
        if (caller.role() == Role.SCHOOL_REPORTER) {
            q.append(" and code = :own");
            params.put("own", caller.jurisdiction());
        } else if (!caller.isSystemAdmin()) {
            q.append(" and countyCode like :prefix");
            params.put("prefix", JurisdictionScope.prefixOf(caller.jurisdiction()) + "%");
        }
        if (schoolType != null) {
            q.append(" and type = :type");
            params.put("type", schoolType);
        }
        PanacheQuery<School> query = School.find(q.toString(), Sort.by("code"), params);
        long total = query.count();
        List<SchoolView> items = query.page(Page.of(page, size)).list().stream().map(SchoolView::of).toList();
        return new SchoolPage(items, page, size, total);
    }

    static int intParam(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw ProblemException.invalid(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number, got \"" + value + "\"");
        }
    }
}
