package io.balance.indicator.finding;

import io.balance.indicator.access.Access;
import io.balance.kit.caller.Caller;
import io.balance.indicator.common.Params;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** County-level inputs (findings, figures, vetoes, evidence) that school reports cannot give. */
@Path("/api/v1/counties/{countyCode}/findings/{year}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FindingsResource {
    @Inject
    FindingsService service;
    @Inject
    Caller caller;
    @Inject
    Access access;

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredFindings.class)))
    @Operation(operationId = "getCountyFindings", summary = "The county's findings, figures, vetoes and evidence for a year")
    @GET
    public StoredFindings get(@PathParam("countyCode") String countyCode, @PathParam("year") String year) {
        String county = Params.county(countyCode);
        int y = Params.year(year);
        caller.requireRead(county, "county " + county);
        StoredFindings stored = service.get(county, y);
        if (stored == null) {
            throw ProblemException.notFound("no findings recorded for " + county + " in " + y);
        }
        return stored;
    }

    /** Replaces the county's findings for the year; writable by its COUNTY_ADMIN, PROVINCE_ADMIN and SYSTEM_ADMIN. */
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredFindings.class)))
    @Operation(operationId = "putCountyFindings", summary = "Replace the county's findings for a year")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public StoredFindings put(@PathParam("countyCode") String countyCode, @PathParam("year") String year, Findings findings) {
        String county = Params.county(countyCode);
        int y = Params.year(year);
        access.requireFindingsWrite(county);
        return service.put(county, y, findings, caller.name());
    }
}
