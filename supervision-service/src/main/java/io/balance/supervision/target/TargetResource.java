package io.balance.supervision.target;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.balance.supervision.common.Validation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/counties/{county}/targets}: the plan's yearly targets and their progress. */
@Path("/api/v1/counties/{county}/targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {
    @Inject
    LedgerAccess access;
    @Inject
    TargetService targets;
    @Inject
    Validation validation;

    @GET
    @Operation(operationId = "getTargets", summary = "The county's plan: rule set and yearly targets")
    public TargetPlan get(@PathParam("county") String county) throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        TargetPlan plan = targets.plan(county);
        if (plan == null) {
            throw ProblemException.notFound("county " + county + " has no plan yet");
        }
        return plan;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceTargets", summary = "Replace the plan's rule set and targets (county or province administrators)")
    public TargetPlan replace(@PathParam("county") String county, TargetPlan body) throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireAdminister(county, "set the targets");
        validation.check("", body);
        return targets.replace(county, body, access.actor());
    }

    @GET
    @Path("/progress")
    @Operation(operationId = "getTargetProgress", summary = "Each target in force in the year: actual, MET / NOT_MET / NO_DATA, and the trend")
    public ProgressView progress(@PathParam("county") String county, @QueryParam("year") String year) throws SQLException {
        LedgerAccess.countyCode(county);
        int y = Params.year("year", year, true);
        access.requireRead(county);
        return targets.progress(county, y);
    }
}
