package io.balance.supervision.inspection;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.balance.supervision.common.Validation;
import io.balance.supervision.review.ReviewAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/counties/{county}/reviews/{year}/inspections}: on-site inspections (实地督查). */
@Path("/api/v1/counties/{county}/reviews/{year}/inspections")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionResource {
    @Inject
    ReviewAccess access;
    @Inject
    InspectionService inspections;
    @Inject
    Validation validation;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordInspection", summary = "A reviewer records a school's on-site figures; differences beyond the tolerance become INSPECTION problems")
    @APIResponse(responseCode = "201", description = "recorded", content = @Content(schema = @Schema(implementation = InspectionView.class)))
    public Response record(@PathParam("county") String county, @PathParam("year") String year, InspectionRequest body)
            throws SQLException {
        LedgerAccess.countyCode(county);
        int y = Params.year("year", year, true);
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        access.requireInspect(county);
        validation.check("", body);
        InspectionView v = inspections.record(county, y, body, access.actor(), access.actorRole());
        return Response.status(201).entity(v).build();
    }

    @GET
    @Operation(operationId = "listInspections", summary = "The county's inspections for the year and the schools listed for the falsified-data (弄虚作假) veto decision")
    public InspectionView.InspectionList list(@PathParam("county") String county, @PathParam("year") String year)
            throws SQLException {
        LedgerAccess.countyCode(county);
        int y = Params.year("year", year, true);
        access.requireRead(county);
        return inspections.list(county, y);
    }
}
