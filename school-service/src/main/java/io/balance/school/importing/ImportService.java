package io.balance.school.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.contracts.AnnualReportV1;
import io.balance.school.common.Errors;
import io.balance.kit.problem.FieldError;
import io.balance.school.common.Json;
import io.balance.kit.problem.ProblemException;
import io.balance.school.registry.School;
import io.balance.school.registry.SchoolInput;
import io.balance.school.registry.SchoolService;
import io.balance.school.report.ReportRevision;
import io.balance.school.report.ReportService;
import io.balance.school.report.ReportStatus;
import io.balance.school.report.ReportValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs bulk imports as jobs. Rows are validated first (all problems of a row at once); the valid ones are
 * stored a chunk per transaction. Each row is all-or-nothing: if a chunk fails unexpectedly it is retried
 * row by row, so one bad row never takes good rows down and never leaves half a row behind. Progress and
 * rejected rows are written to the job after each chunk, so they can be read while the job runs.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Set<String> ROW_FIELDS = Set.of("school", "report");

    @Inject
    ImportConfig config;

    @Inject
    SchoolService schools;
    @Inject
    ReportService reports;

    private ExecutorService executor;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "report-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Jobs do not survive a restart (their input is held in memory): say so instead of showing them running. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                "status = ?1, failure = ?2, finishedAt = ?3 where status in ?4", ImportJob.Status.FAILED,
                "interrupted by a service restart; rows reported as accepted were stored, import the rest again",
                Instant.now(), List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)));
    }

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
            j.persist();
            return j;
        });
        UUID id = job.id;
        executor.submit(() -> run(id, county, year, submit, rows, actor));
        return job;
    }

    private record Prepared(ImportRow row, String code, SchoolInput school, AnnualReportV1 report) {
    }

    void run(UUID jobId, String county, int year, boolean submit, List<ImportRow> rows, String actor) {
        String source = "import:" + jobId;
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    ImportJob.update("status = ?1, startedAt = ?2 where id = ?3", ImportJob.Status.RUNNING,
                            Instant.now(), jobId));
            List<ImportJobView.RowError> errors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int accepted = 0;
            for (int from = 0; from < rows.size(); from += config.chunkSize()) {
                List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + config.chunkSize()));
                List<Prepared> good = new ArrayList<>();
                List<ImportJobView.RowError> chunkErrors = new ArrayList<>();
                for (ImportRow row : chunk) {
                    Object p = prepare(row, county, year, seen);
                    if (p instanceof Prepared ok) {
                        good.add(ok);
                    } else {
                        chunkErrors.add((ImportJobView.RowError) p);
                    }
                }
                if (!good.isEmpty()) {
                    List<ImportJobView.RowError> rejected;
                    try {
                        rejected = QuarkusTransaction.requiringNew().call(() -> store(good, county, year, submit, actor, source));
                    } catch (Exception chunkFailure) {
                        LOG.warnf("import %s: a chunk failed (%s); storing its rows one by one", jobId, chunkFailure.toString());
                        rejected = new ArrayList<>();
                        for (Prepared p : good) {
                            try {
                                rejected.addAll(QuarkusTransaction.requiringNew().call(
                                        () -> store(List.of(p), county, year, submit, actor, source)));
                            } catch (Exception rowFailure) {
                                LOG.warnf(rowFailure, "import %s: row %d could not be stored", jobId, p.row.row());
                                rejected.add(rowError(p.row, p.code, List.of(new FieldError("(row)",
                                        "could not be stored: " + message(rowFailure)))));
                            }
                        }
                    }
                    accepted += good.size() - rejected.size();
                    chunkErrors.addAll(rejected);
                }
                chunkErrors.sort(Comparator.comparingInt(ImportJobView.RowError::row));
                errors.addAll(chunkErrors);
                int processed = Math.min(rows.size(), from + config.chunkSize());
                int acceptedSoFar = accepted;
                String errorJson = Json.write(errors);
                int rejectedSoFar = errors.size();
                QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                        "processedRows = ?1, acceptedRows = ?2, rejectedRows = ?3, rowErrors = ?4 where id = ?5",
                        processed, acceptedSoFar, rejectedSoFar, errorJson, jobId));
            }
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "status = ?1, finishedAt = ?2 where id = ?3", ImportJob.Status.DONE, Instant.now(), jobId));
        } catch (Throwable t) {
            LOG.errorf(t, "import %s failed", jobId);
            try {
                QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                        "status = ?1, failure = ?2, finishedAt = ?3 where id = ?4", ImportJob.Status.FAILED,
                        "the import stopped unexpectedly; rows counted as accepted were stored", Instant.now(), jobId));
            } catch (Exception e) {
                LOG.errorf(e, "import %s: could not record the failure", jobId);
            }
        }
    }

    /** Validates one row completely without touching the database: a Prepared or a RowError. */
    static Object prepare(ImportRow row, String county, int year, Map<String, Integer> seen) {
        Errors errors = new Errors();
        JsonNode node = row.node();
        String code = null;
        if (node == null || !node.isObject()) {
            errors.add("(row)", "must be an object {\"school\": {...}, \"report\": {...}}");
            return rowError(row, null, errors.list());
        }
        Json.rejectUnknown(node, "", ROW_FIELDS, errors);
        JsonNode schoolNode = Json.object(node, "school", "", true, errors);
        SchoolInput school = null;
        if (schoolNode != null) {
            String field = schoolNode.has("code") && !schoolNode.has("schoolCode") ? "code" : "schoolCode";
            code = Json.code(schoolNode, field, "school", true, 10, errors);
            school = SchoolInput.parse(schoolNode, "school", false, errors);
            if (school != null && school.countyCode() != null && !school.countyCode().equals(county)) {
                errors.add("school.countyCode", "must be the import's county " + county + " (or be left out)");
            }
            if (code != null) {
                Integer first = seen.putIfAbsent(code, row.row());
                if (first != null) {
                    errors.add("school.schoolCode", "school " + code + " appears already in row " + first);
                }
            }
        }
        // check the report too even when other school attributes are wrong: all problems of a row at once
        io.balance.school.registry.SchoolType type = school != null ? school.type()
                : schoolNode != null && schoolNode.path("type").isTextual()
                ? io.balance.school.registry.SchoolType.parse(schoolNode.get("type").asText()) : null;
        AnnualReportV1 report = null;
        if (type != null) {
            report = ReportValidator.validate(node.get("report"), type, "report", errors);
        } else if (node.get("report") == null) {
            errors.add("report", "is required");
        }
        if (!errors.isEmpty()) {
            return rowError(row, code, errors.list());
        }
        return new Prepared(row, code, school.withCounty(county), report);
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

    private static String message(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return p.getMessage();
            }
        }
        return "a database error (logged)";
    }
}
