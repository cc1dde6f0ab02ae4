package io.balance.supervision.problem;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.balance.supervision.common.SupervisionConfig;
import io.balance.supervision.common.Today;
import io.balance.supervision.common.Validation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The problem ledger (问题台账): list and export per county, read one, add a manual problem, assign, report
 * rectified, verify (销号), reopen. Who may do what: {@link LedgerAccess}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {
    static final String LEDGER_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerAccess access;
    @Inject
    ProblemService service;
    @Inject
    ProblemRepository problems;
    @Inject
    Validation validation;
    @Inject
    SupervisionConfig config;
    @Inject
    Today today;
    @Inject
    ProblemLookup lookup;
    @Inject
    io.balance.supervision.department.DepartmentService departments;
    @Inject
    io.balance.supervision.evidence.EvidenceRepository evidence;

    @GET
    @Path("/counties/{county}/problems")
    @Operation(operationId = "listProblems", summary = "The county's ledger, paged and filtered",
            description = "page from 0, size 1..500 (default 50); filters year, status, department, schoolCode, source, overdue")
    public ProblemPage list(@PathParam("county") String county, @QueryParam("year") String year,
            @QueryParam("status") String status, @QueryParam("department") String department,
            @QueryParam("schoolCode") String schoolCode, @QueryParam("source") String source,
            @QueryParam("overdue") String overdue, @QueryParam("page") String page, @QueryParam("size") String size)
            throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        ProblemRepository.Filter filter = new ProblemRepository.Filter(Params.year("year", year, false),
                Params.enumParam("status", status, ProblemStatus.class), blankToNull(department),
                blankToNull(schoolCode), Params.enumParam("source", source, Source.class), bool("overdue", overdue));
        return problems.list(county, filter, Params.intParam("page", page, 0, 0, 1_000_000),
                Params.intParam("size", size, 50, 1, config.ledger().maxPageSize()), today.date());
    }

    @GET
    @Path("/counties/{county}/problems.xlsx")
    @Produces(LEDGER_XLSX)
    @Operation(operationId = "exportProblemsXlsx", summary = "The ledger as XLSX (序号, 问题, 学校, 指标, 差距, 责任单位, 责任人, 整改时限, 状态, 佐证)")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = LEDGER_XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@PathParam("county") String county, @QueryParam("year") String year)
            throws SQLException, java.io.IOException {
        LedgerAccess.countyCode(county);
        Integer y = Params.year("year", year, false);
        access.requireRead(county);
        byte[] xlsx = LedgerExport.xlsx(problems.all(county, y, today.date()), departments.catalogue(county),
                evidence.namesByProblem(county));
        return Response.ok(xlsx, LEDGER_XLSX).header("Content-Disposition",
                "attachment; filename=\"problems-" + county + (y == null ? "" : "-" + y) + ".xlsx\"").build();
    }

    @POST
    @Path("/counties/{county}/problems")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProblem", summary = "Add a MANUAL problem (the county, a reviewer over it, or a department for itself)")
    @APIResponse(responseCode = "201", description = "created, with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProblemView.class)))
    public Response create(@PathParam("county") String county, ProblemRequests.NewProblem body) throws SQLException {
        LedgerAccess.countyCode(county);
        access.requireRead(county);
        String forced = null;
        if (access.caller().department() != null && county.equals(access.caller().jurisdiction())) {
            forced = access.caller().department(); // a department enters problems for itself
            if (body != null && body.department() != null && !body.department().equals(forced)) {
                throw ProblemException.forbidden("a department enters problems only for itself (" + forced + ")");
            }
        } else if (!access.administers(county) && !access.supervises(county)) {
            throw ProblemException.forbidden(access.actorRole() + " may not add problems to county " + county);
        }
        validation.check("", body);
        ProblemView p = service.create(county, body, forced, access);
        return Response.status(201).entity(service.read(p.id())).build();
    }

    @GET
    @Path("/problems/{id}")
    @Operation(operationId = "getProblem", summary = "One problem with its evidence and full history")
    public ProblemView get(@PathParam("id") String id) throws SQLException {
        ProblemView p = readable(id);
        return service.read(p.id());
    }

    @PATCH
    @Path("/problems/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignProblem", summary = "Assign department, owner and deadline (the county or a reviewer over it; a department sets the owner of its own problems)")
    public ProblemView assign(@PathParam("id") String id, ProblemRequests.Assignment body) throws SQLException {
        ProblemView p = readable(id);
        String county = p.countyCode();
        if (!access.administers(county) && !access.supervises(county)) {
            boolean ownOnly = access.isDepartment(county, p.department()) && body != null
                    && body.department() == null && body.deadline() == null;
            if (!ownOnly) {
                throw ProblemException.forbidden(access.actorRole() + " may not assign problem " + p.id()
                        + (access.caller().department() != null ? " (a department sets only the owner of its own problems)" : ""));
            }
        }
        validation.check("", body);
        service.assign(p, body, access);
        return service.read(p.id());
    }

    @POST
    @Path("/problems/{id}/rectified")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportRectified", summary = "The county or the assigned department reports it fixed, with a note and evidence")
    public ProblemView rectified(@PathParam("id") String id, ProblemRequests.Rectification body) throws SQLException {
        ProblemView p = readable(id);
        if (!access.administers(p.countyCode()) && !access.isDepartment(p.countyCode(), p.department())) {
            throw ProblemException.forbidden(access.actorRole() + " may not report problem " + p.id() + " rectified");
        }
        validation.check("", body);
        service.rectified(p, body, access);
        return service.read(p.id());
    }

    @POST
    @Path("/problems/{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyProblem", summary = "销号: a reviewer or province above the county accepts the rectification")
    public ProblemView verify(@PathParam("id") String id, ProblemRequests.Note body) throws SQLException {
        ProblemView p = readable(id);
        if (!access.supervises(p.countyCode())) {
            throw ProblemException.forbidden(access.actorRole() + " may not verify problem " + p.id()
                    + ": only a reviewer or province above county " + p.countyCode() + " verifies (a county never closes its own problems)");
        }
        validation.check("", body == null ? new ProblemRequests.Note(null) : body);
        service.verify(p, body == null ? null : body.note(), access);
        return service.read(p.id());
    }

    @POST
    @Path("/problems/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reopenProblem", summary = "Reopen a RECTIFIED or VERIFIED problem, with the reason")
    public ProblemView reopen(@PathParam("id") String id, ProblemRequests.RequiredNote body) throws SQLException {
        ProblemView p = readable(id);
        if (!access.administers(p.countyCode()) && !access.supervises(p.countyCode())) {
            throw ProblemException.forbidden(access.actorRole() + " may not reopen problem " + p.id());
        }
        validation.check("", body);
        service.reopen(p, body.note(), access);
        return service.read(p.id());
    }

    /** The problem, or 404 when it does not exist or the caller may not read its county. */
    private ProblemView readable(String id) throws SQLException {
        return lookup.readable(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
