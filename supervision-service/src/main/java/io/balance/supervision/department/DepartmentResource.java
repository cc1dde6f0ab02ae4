package io.balance.supervision.department;

import io.balance.supervision.common.LedgerAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/counties/{county}/departments}: the county's responsible departments (责任单位). */
@Path("/api/v1/counties/{county}/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {
    @Inject
    LedgerAccess access;
    @Inject
    DepartmentService departments;
    @Inject
    io.balance.supervision.common.Validation validation;

    @GET
    @Operation(operationId = "listDepartments", summary = "The county's responsible departments (the usual ones until edited)")
    public List<Department> list(@PathParam("county") String county) {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        return departments.catalogue(county);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceDepartments", summary = "Replace the county's catalogue (county or province administrators)")
    public List<Department> replace(@PathParam("county") String county,
            List<Department> body) throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireAdminister(county, "edit the departments");
        validation.check("", body);
        return departments.replace(county, body);
    }
}
