package io.balance.supervision.plan;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Validation;
import io.balance.supervision.department.DepartmentService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /api/v1/counties/{county}/plan-items}: the plan's tasks with their lead and co-operating departments
 * and deadlines (任务分解); read by whoever reads the county, replaced (JSON, or an XLSX/CSV upload) by the
 * county or the province above it; exported in the import's layout.
 */
@Path("/api/v1")
public class PlanItemResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerAccess access;
    @Inject
    PlanItemService items;
    @Inject
    DepartmentService departments;
    @Inject
    Validation validation;

    @GET
    @Path("/counties/{county}/plan-items")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPlanItems", summary = "The plan's items, by number")
    public List<PlanItem> list(@PathParam("county") String county) throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        return items.list(county);
    }

    @PUT
    @Path("/counties/{county}/plan-items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePlanItems", summary = "Replace the plan's items (county or province administrators)")
    public List<PlanItem> replace(@PathParam("county") String county, List<PlanItem> body) throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireAdminister(county, "change the plan items");
        validation.check("", body);
        return items.replace(county, body, "");
    }

    @POST
    @Path("/counties/{county}/plan-items/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importPlanItems", summary = "Replace the plan's items from an XLSX or CSV file (columns 序号, 类别, 任务, 牵头单位, 配合单位, 完成时限, 指标)")
    public List<PlanItem> importFile(@PathParam("county") String county, @RestForm("file") FileUpload file)
            throws SQLException, IOException {
        LedgerAccess.countyCode(county);
        access.requireAdminister(county, "change the plan items");
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a multipart field 'file' is required");
        }
        List<PlanItem> parsed = PlanItemFiles.read(Files.readAllBytes(file.uploadedFile()), departments.catalogue(county));
        validation.check("rows", parsed);
        return items.replace(county, parsed, "rows");
    }

    @GET
    @Path("/counties/{county}/plan-items.xlsx")
    @Produces(XLSX)
    @Operation(operationId = "exportPlanItemsXlsx", summary = "The plan's items as XLSX (the import's layout)")
    @APIResponse(responseCode = "200", description = "the workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("county") String county) throws SQLException, IOException {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        return Response.ok(PlanItemFiles.xlsx(items.list(county), departments.catalogue(county)), XLSX)
                .header("Content-Disposition", "attachment; filename=\"plan-items-" + county + ".xlsx\"").build();
    }

    @GET
    @Path("/counties/{county}/plan-items.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportPlanItemsCsv", summary = "The plan's items as UTF-8 CSV (the import's layout)")
    @APIResponse(responseCode = "200", description = "UTF-8 CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("county") String county) throws SQLException, IOException {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        return Response.ok(PlanItemFiles.csv(items.list(county), departments.catalogue(county)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"plan-items-" + county + ".csv\"").build();
    }
}
