package io.balance.school.importing;

import io.balance.kit.caller.Caller;
import io.balance.school.access.Access;
import io.balance.school.common.Errors;
import io.balance.kit.problem.ProblemException;
import io.balance.school.jurisdiction.Jurisdiction;
import io.balance.school.report.ReportService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/counties/{countyCode}/reports/{year}/import")
@Authenticated
@Tag(name = "Bulk import", description = "A county's reports at once: JSON, CSV or XLSX, run as a job")
@SecurityRequirement(name = "jwt")
public class ImportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ImportService service;
    @Inject
    Caller caller;
    @Inject
    Access access;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startReportImport", summary = "Import a county's schools and reports",
            description = "Body: a JSON array of {\"school\": {schoolCode, name, type, location, publicSchool, boarding},"
                    + " \"report\": {...}}, a CSV (text/csv) or an XLSX laid out like the template. Returns 202 and"
                    + " the job; GET its location for progress and rejected rows. A rejected row stores nothing;"
                    + " good rows are kept. Reports land as DRAFT; with submit=true they are also SUBMITTED."
                    + " Approval always goes through the review endpoints.")
    @APIResponse(responseCode = "202", description = "The job, started; its Location is polled for progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobView.class)))
    public Response upload(@PathParam("countyCode") String countyCode, @PathParam("year") String year,
                           @QueryParam("submit") String submit, @QueryParam("format") String format,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Target t = authorise(countyCode, year, submit);
        String f = format(format, contentType, null, body);
        return accepted(t, f, ImportService.parse(f, body, service.maxRows()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startReportImportFromForm", summary = "Import from a form upload (part \"file\": .json, .csv or .xlsx)")
    @APIResponse(responseCode = "202", description = "The job, started; its Location is polled for progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobView.class)))
    public Response uploadForm(@PathParam("countyCode") String countyCode, @PathParam("year") String year,
                               @QueryParam("submit") String submit, @QueryParam("format") String format,
                               @RestForm("file") FileUpload file) {
        Target t = authorise(countyCode, year, submit);
        if (file == null) {
            throw ProblemException.invalid("file", "a file part named \"file\" is required");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String f = format(format, file.contentType(), file.fileName(), bytes);
        return accepted(t, f, ImportService.parse(f, bytes, service.maxRows()));
    }

    @GET
    @Path("/{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReportImportJob", summary = "An import job: status, progress and rejected rows (readable while it runs)")
    public ImportJobView job(@PathParam("countyCode") String countyCode, @PathParam("year") String year,
                             @PathParam("jobId") String jobId) {
        readable(countyCode);
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no import job " + jobId);
        }
        ImportJob job = ImportJob.findById(id);
        if (job == null || !job.countyCode.equals(countyCode) || !String.valueOf(job.year).equals(year)) {
            throw ProblemException.notFound("no import job " + jobId);
        }
        return ImportJobView.of(job);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReportImportJobs", summary = "The county's last 50 import jobs for the year")
    public List<ImportJobView> jobs(@PathParam("countyCode") String countyCode, @PathParam("year") String year) {
        readable(countyCode);
        int y = ReportService.parseYear(year, new Errors());
        return ImportJob.<ImportJob>find("countyCode = ?1 and year = ?2 order by createdAt desc", countyCode, y)
                .page(0, 50).list().stream().map(ImportJobView::of).toList();
    }

    @GET
    @Path("/template")
    @Produces({"text/csv", XLSX})
    @Operation(operationId = "getReportImportTemplate", summary = "The import template (format=csv or xlsx): one row per school, Chinese headers")
    @APIResponse(responseCode = "200", description = "The template file",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response template(@PathParam("countyCode") String countyCode, @PathParam("year") String year,
                             @QueryParam("format") String format) {
        Jurisdiction county = readable(countyCode);
        Errors errors = new Errors();
        int y = ReportService.parseYear(year, errors);
        String f = format == null || format.isBlank() ? "xlsx" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            errors.add("format", "must be csv or xlsx");
        }
        errors.throwIfAny();
        String file = "report-import-" + countyCode + "-" + y + "." + f;
        byte[] bytes = f.equals("csv") ? ImportTemplate.csv() : ImportTemplate.xlsx(county.name, y);
        return Response.ok(bytes, f.equals("csv") ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private record Target(Jurisdiction county, int year, boolean submit) {
    }

    private Target authorise(String countyCode, String year, String submit) {
        Jurisdiction county = readable(countyCode);
        if (!access.canEditRegistry(countyCode)) {
            throw ProblemException.forbidden("you may read but not import into county " + countyCode);
        }
        Errors errors = new Errors();
        int y = ReportService.parseYear(year, errors);
        boolean s = false;
        if (submit != null && !submit.isBlank()) {
            if (submit.equalsIgnoreCase("true") || submit.equalsIgnoreCase("false")) {
                s = Boolean.parseBoolean(submit);
            } else {
                errors.add("submit", "must be true or false");
            }
        }
        errors.throwIfAny();
        return new Target(county, y, s);
    }

    private Jurisdiction readable(String countyCode) {
        Jurisdiction j = countyCode != null && countyCode.matches("\\d{6}") && caller.canReadDivision(countyCode)
                ? Jurisdiction.findById(countyCode) : null;
        if (j == null || j.level != Jurisdiction.Level.COUNTY) {
            throw ProblemException.notFound("no county " + countyCode);
        }
        return j;
    }

    private Response accepted(Target t, String format, List<ImportRow> rows) {
        ImportJob job = service.start(t.county().code, t.year(), format, t.submit(), rows, caller.name());
        String location = ImportJobView.location(job);
        return Response.accepted(ImportJobView.of(job)).location(URI.create(location)).build();
    }

    static String format(String explicit, String contentType, String fileName, byte[] body) {
        if (explicit != null && !explicit.isBlank()) {
            String f = explicit.strip().toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "xlsx").contains(f)) {
                throw ProblemException.invalid("format", "must be json, csv or xlsx");
            }
            return f;
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (ct.startsWith(XLSX) || name.endsWith(".xlsx")) {
            return "xlsx";
        }
        if (ct.startsWith("text/csv") || name.endsWith(".csv")) {
            return "csv";
        }
        if (ct.startsWith(MediaType.APPLICATION_JSON) || name.endsWith(".json")) {
            return "json";
        }
        // octet-stream or text/plain: look at the bytes (an XLSX is a ZIP archive)
        if (body != null && body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            return "xlsx";
        }
        String start = body == null ? "" : new String(body, 0, Math.min(body.length, 64),
                java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("[") ? "json" : "csv";
    }
}
