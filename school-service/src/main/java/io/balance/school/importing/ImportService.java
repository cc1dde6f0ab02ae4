package io.balance.school.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.contracts.AnnualReportV1;
import io.balance.school.common.Errors;
import io.balance.kit.problem.FieldError;
import io.balance.school.common.Json;
import io.balance.kit.problem.ProblemException;
import io.balance.school.registry.School;
import io.balance.school.registry.SchoolInput;
import io.balance.school.registry.SchoolRequest;
import io.balance.school.registry.SchoolType;
import io.balance.school.registry.SchoolService;
import io.balance.school.report.ReportRevision;
import io.balance.school.report.ReportService;
import io.balance.school.report.ReportStatus;
import io.balance.school.report.ReportInput;
import io.balance.school.report.ReportValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk imports as jobs: parsing, the validation of a row (all problems of a row at once) and the storing of valid
 * rows. {@link ImportRunner} runs a job a chunk per transaction; {@link ImportRecovery} resumes it on another
 * instance when the one running it goes away.
 */
@ApplicationScoped
public class ImportService {
    @Inject
    ImportConfig config;

    @Inject
    SchoolService schools;
    @Inject
    ReportService reports;

    @Inject
    ImportRunner runner;

    public int maxRows() {
        return config.maxRows();
    }

    public static List<ImportRow> parse(String format, byte[] bytes, int maxRows) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.invalid("(body)", "the upload is empty");
        }
        return switch (format) {
            case "json" -> json(bytes, maxRows);
            case "csv" -> CsvReader.read(bytes, maxRows);
            case "xlsx" -> XlsxReader.read(bytes, maxRows);
            default -> throw ProblemException.invalid("format", "unknown format " + format + "; json, csv or xlsx");
        };
    }

    private static List<ImportRow> json(byte[] bytes, int maxRows) {
        JsonNode root = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        if (!root.isArray()) {
            throw ProblemException.invalid("(body)",
                    "must be a JSON array of {\"school\": {...}, \"report\": {...}}");
        }
        if (root.size() > maxRows) {
            throw ProblemException.invalid("(body)", "more than " + maxRows + " rows; split the import");
        }
        List<ImportRow> rows = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            rows.add(new ImportRow(i + 1, root.get(i)));
        }
        return rows;
    }

    public ImportJob start(String county, int year, String format, boolean submit, List<ImportRow> rows, String actor) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.id = UUID.randomUUID();
            j.countyCode = county;
            j.year = year;
            j.format = format;
            j.submit = submit;
            j.status = ImportJob.Status.QUEUED;
            j.totalRows = rows.size();
            j.rowErrors = "[]";
            j.createdBy = actor;
            j.createdAt = Instant.now();
            // this instance runs it; the rows stay with the job so that another instance can resume it
            j.claimedBy = ImportRecovery.INSTANCE;
            j.heartbeatAt = j.createdAt;
            j.persist();
            j.flush();
            ImportJobRows.save(j.id, rows);
            return j;
        });
        runner.submit(job.id, rows);
        return job;
    }

    record Prepared(ImportRow row, String code, SchoolInput school, AnnualReportV1 report) {
    }

    /** An import row: its two parts are bound one by one, so that a wrong school still has its report checked. */
    record RowParts(JsonNode school, JsonNode report) {
    }

    /** Validates one row completely without touching the database: a Prepared or a RowError. */
    static Object prepare(ImportRow row, String county, int year, Map<String, Integer> seen) {
        Errors errors = new Errors();
        JsonNode node = row.node();
        if (node == null || !node.isObject()) {
            errors.add("(row)", "must be an object {\"school\": {...}, \"report\": {...}}");
            return rowError(row, null, errors.list());
        }
        RowParts parts = Json.bind(node, RowParts.class, "", errors);
        if (parts == null) {
            return rowError(row, null, errors.list());
        }
        SchoolRequest request = present(parts.school(), "school", errors)
                ? Json.bind(parts.school(), SchoolRequest.class, "school", errors) : null;
        SchoolInput school = request == null ? null : SchoolInput.from(request, "school", false, errors);
        String code = request == null ? null : code(request, errors);
        if (school != null && school.countyCode() != null && !school.countyCode().equals(county)) {
            errors.add("school.countyCode", "must be the import's county " + county + " (or be left out)");
        }
        if (code != null) {
            Integer first = seen.putIfAbsent(code, row.row());
            if (first != null) {
                errors.add("school.schoolCode", "school " + code + " appears already in row " + first);
            }
        }
        // check the report too even when other school attributes are wrong: all problems of a row at once
        SchoolType type = school != null ? school.type() : SchoolInput.typeOf(request);
        AnnualReportV1 report = null;
        if (present(parts.report(), "report", errors) && type != null) {
            ReportInput input = Json.bind(parts.report(), ReportInput.class, "report", errors);
            report = input == null ? null : ReportValidator.validate(input, type, "report", errors);
        }
        if (!errors.isEmpty()) {
            return rowError(row, code, errors.list());
        }
        return new Prepared(row, code, school.withCounty(county), report);
    }

    private static boolean present(JsonNode part, String field, Errors errors) {
        if (part == null || part.isNull()) {
            errors.add(field, "is required");
            return false;
        }
        return true;
    }

    /** The row's school code: schoolCode, or code as spreadsheets name it; null when missing or malformed. */
    private static String code(SchoolRequest request, Errors errors) {
        boolean alias = request.schoolCode() == null && request.code() != null;
        String code = alias ? request.code() : request.schoolCode();
        if (code == null) {
            errors.add("school.schoolCode", "is required");
        }
        return code == null || errors.has(alias ? "school.code" : "school.schoolCode") ? null : code;
    }

    /** Stores valid rows in the current transaction; returns rows rejected by the state they meet (nothing stored for them). */
    List<ImportJobView.RowError> store(List<Prepared> rows, String county, int year, boolean submit, String actor,
                                       String source) {
        List<String> codes = rows.stream().map(Prepared::code).toList();
        Map<String, School> existing = new HashMap<>();
        School.<School>find("code in ?1", codes).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(s -> existing.put(s.code, s));
        Map<String, ReportRevision> latest = new HashMap<>();
        ReportRevision.<ReportRevision>list("from ReportRevision r where r.schoolCode in ?1 and r.year = ?2"
                        + " and r.revision = (select max(r2.revision) from ReportRevision r2"
                        + " where r2.schoolCode = r.schoolCode and r2.year = r.year)", codes, year)
                .forEach(r -> latest.put(r.schoolCode, r));
        List<ImportJobView.RowError> rejected = new ArrayList<>();
        for (Prepared p : rows) {
            School current = existing.get(p.code);
            if (current != null && !current.countyCode.equals(county)) {
                rejected.add(rowError(p.row, p.code, List.of(new FieldError("school.schoolCode",
                        "school " + p.code + " is registered in another county; it cannot be imported here"))));
                continue;
            }
            ReportRevision last = latest.get(p.code);
            if (last != null && last.status == ReportStatus.SUBMITTED) {
                rejected.add(rowError(p.row, p.code, List.of(new FieldError("report", "revision " + last.revision
                        + " of the " + year + " report is SUBMITTED and under review; reject it before importing a change"))));
                continue;
            }
            School school = schools.upsert(p.code, p.school, current, actor).school();
            ReportRevision draft = reports.writeDraft(school, year, p.report, last, actor, source).revision();
            if (submit) {
                reports.submit(draft, actor, source);
            }
        }
        return rejected;
    }

    static ImportJobView.RowError rowError(ImportRow row, String code, List<FieldError> errors) {
        return new ImportJobView.RowError(row.row(), code, errors.stream()
                .map(e -> new ImportJobView.CellError(e.field(), ImportColumns.headerOf(e.field()), e.message()))
                .toList());
    }

    static String message(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return p.getMessage();
            }
        }
        return "a database error (logged)";
    }
}
