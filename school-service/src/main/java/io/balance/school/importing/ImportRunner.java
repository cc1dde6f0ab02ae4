package io.balance.school.importing;

import io.balance.kit.problem.FieldError;
import io.balance.school.common.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs an import job a chunk per transaction, from its first row or from where an earlier run stopped. Each row is
 * all-or-nothing: if a chunk fails unexpectedly it is retried row by row, so one bad row never takes good rows
 * down and never leaves half a row behind. The job's progress and rejected rows are committed in the same
 * transaction as the rows they count, so a run that stops anywhere (a restart, a crash) leaves a resume point that
 * neither repeats nor skips a row; they can be read while the job runs.
 */
@ApplicationScoped
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    @Inject
    ImportConfig config;

    @Inject
    ImportService service;

    private ExecutorService executor;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "report-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs this instance runs now (their heartbeat is renewed). */
    Set<UUID> running() {
        return running;
    }

    /** A new job: its rows are at hand. */
    void submit(UUID jobId, List<ImportRow> rows) {
        running.add(jobId);
        executor.submit(() -> run(jobId, rows));
    }

    /** A job claimed from an instance that went away: its rows and progress come from the database. */
    void resume(UUID jobId) {
        running.add(jobId);
        executor.submit(() -> {
            List<ImportRow> rows;
            try {
                rows = QuarkusTransaction.requiringNew().call(() -> ImportJobRows.load(jobId));
            } catch (RuntimeException e) {
                running.remove(jobId);
                throw e;
            }
            LOG.infof("import %s: resuming", jobId);
            run(jobId, rows);
        });
    }

    /** Stops the workers (a shutdown); unfinished jobs stay unfinished for another instance to resume. */
    void stop(Duration wait) throws InterruptedException {
        stopping = true;
        executor.shutdownNow();
        executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where a run stands: rows before {@code position} are done, with these results. */
    private record Progress(int position, int accepted, List<ImportJobView.RowError> errors) {
    }

    /** Another instance has claimed the job (this one was taken for gone): stop, and let its transaction roll back. */
    static final class LostClaim extends RuntimeException {
        LostClaim(UUID jobId) {
            super("import " + jobId + " is claimed by another instance");
        }
    }

    void run(UUID jobId, List<ImportRow> rows) {
        try {
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob j = ImportJob.findById(jobId);
                fenced(jobId, ImportJob.update("status = ?1, startedAt = ?2 where id = ?3 and claimedBy = ?4",
                        ImportJob.Status.RUNNING, j.startedAt == null ? Instant.now() : j.startedAt, jobId, ImportRecovery.INSTANCE));
                return j;
            });
            if (rows.size() != job.totalRows) { // a job started before its rows were kept (an older release)
                QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                        "status = ?1, failure = ?2, finishedAt = ?3, claimedBy = null where id = ?4", ImportJob.Status.FAILED,
                        "interrupted by a service restart; rows reported as accepted were stored, import the rest again",
                        Instant.now(), jobId));
                return;
            }
            Progress progress = new Progress(job.processedRows, job.acceptedRows,
                    Json.MAPPER.readValue(job.rowErrors == null ? "[]" : job.rowErrors, ImportJobView.ERRORS));
            // duplicate codes are found against every earlier row: rebuild what the rows already done have seen
            Map<String, Integer> seen = new HashMap<>();
            for (ImportRow row : rows.subList(0, Math.min(progress.position(), rows.size()))) {
                ImportService.prepare(row, job.countyCode, job.year, seen);
            }
            while (progress.position() < rows.size()) {
                int end = Math.min(rows.size(), progress.position() + config.chunkSize());
                progress = chunk(job, rows, progress, end, seen);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                fenced(jobId, ImportJob.update("status = ?1, finishedAt = ?2, claimedBy = null where id = ?3 and claimedBy = ?4",
                        ImportJob.Status.DONE, Instant.now(), jobId, ImportRecovery.INSTANCE));
                ImportJobRows.delete(jobId);
            });
        } catch (Throwable t) {
            if (t instanceof LostClaim || t.getCause() instanceof LostClaim) {
                LOG.warnf("import %s: claimed by another instance meanwhile; stopping here (nothing of the open chunk stays)", jobId);
                return;
            }
            if (stopping || Thread.currentThread().isInterrupted()) {
                LOG.infof("import %s: stopped by the shutdown; another instance resumes it", jobId);
                return;
            }
            LOG.errorf(t, "import %s failed", jobId);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob.update("status = ?1, failure = ?2, finishedAt = ?3, claimedBy = null where id = ?4",
                            ImportJob.Status.FAILED, "the import stopped unexpectedly; rows counted as accepted were stored",
                            Instant.now(), jobId);
                    ImportJobRows.delete(jobId);
                });
            } catch (Exception e) {
                LOG.errorf(e, "import %s: could not record the failure", jobId);
            }
        } finally {
            running.remove(jobId);
        }
    }

    /** Rows {@code [from.position, end)}: validated, stored, and the progress committed with them. */
    private Progress chunk(ImportJob job, List<ImportRow> rows, Progress from, int end, Map<String, Integer> seen) {
        List<ImportService.Prepared> good = new ArrayList<>();
        List<Integer> goodAt = new ArrayList<>();
        Map<Integer, ImportJobView.RowError> invalid = new HashMap<>();
        for (int i = from.position(); i < end; i++) {
            Object p = ImportService.prepare(rows.get(i), job.countyCode, job.year, seen);
            if (p instanceof ImportService.Prepared ok) {
                good.add(ok);
                goodAt.add(i);
            } else {
                invalid.put(i, (ImportJobView.RowError) p);
            }
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<ImportJobView.RowError> rejected = good.isEmpty() ? List.of()
                        : service.store(good, job.countyCode, job.year, job.submit, job.createdBy, source(job));
                List<ImportJobView.RowError> errors = new ArrayList<>(invalid.values());
                errors.addAll(rejected);
                return save(job.id, new Progress(end, from.accepted() + good.size() - rejected.size(), merged(from, errors)));
            });
        } catch (RuntimeException chunkFailure) {
            if (stopping || chunkFailure instanceof LostClaim || chunkFailure.getCause() instanceof LostClaim) {
                throw chunkFailure;
            }
            LOG.warnf("import %s: a chunk failed (%s); storing its rows one by one", job.id, chunkFailure.toString());
        }
        // one transaction per valid row, each with the progress up to it
        Progress progress = from;
        List<ImportJobView.RowError> pending = new ArrayList<>();
        for (int i = from.position(); i < end; i++) {
            if (invalid.containsKey(i)) {
                pending.add(invalid.get(i));
                continue;
            }
            ImportService.Prepared p = good.get(goodAt.indexOf(i));
            Progress before = progress;
            int next = i + 1;
            List<ImportJobView.RowError> errors = new ArrayList<>(pending);
            try {
                progress = QuarkusTransaction.requiringNew().call(() -> {
                    List<ImportJobView.RowError> rejected = service.store(List.of(p), job.countyCode, job.year,
                            job.submit, job.createdBy, source(job));
                    errors.addAll(rejected);
                    return save(job.id, new Progress(next, before.accepted() + 1 - rejected.size(), merged(before, errors)));
                });
            } catch (RuntimeException rowFailure) {
                if (stopping || rowFailure instanceof LostClaim || rowFailure.getCause() instanceof LostClaim) {
                    throw rowFailure;
                }
                LOG.warnf(rowFailure, "import %s: row %d could not be stored", job.id, p.row().row());
                errors.add(ImportService.rowError(p.row(), p.code(), List.of(new FieldError("(row)",
                        "could not be stored: " + ImportService.message(rowFailure)))));
                progress = QuarkusTransaction.requiringNew().call(
                        () -> save(job.id, new Progress(next, before.accepted(), merged(before, errors))));
            }
            pending.clear();
        }
        Progress last = progress;
        return QuarkusTransaction.requiringNew().call(
                () -> save(job.id, new Progress(end, last.accepted(), merged(last, pending))));
    }

    private static List<ImportJobView.RowError> merged(Progress before, List<ImportJobView.RowError> added) {
        List<ImportJobView.RowError> all = new ArrayList<>(before.errors());
        all.addAll(added);
        all.sort(Comparator.comparingInt(ImportJobView.RowError::row));
        return all;
    }

    /**
     * In the current transaction: the job's progress, committed together with the rows it counts, and only while
     * this instance holds the job (else the whole transaction rolls back: no row is stored twice).
     */
    private static Progress save(UUID jobId, Progress p) {
        fenced(jobId, ImportJob.update("processedRows = ?1, acceptedRows = ?2, rejectedRows = ?3, rowErrors = ?4, "
                        + "heartbeatAt = ?5 where id = ?6 and claimedBy = ?7", p.position(), p.accepted(), p.errors().size(),
                Json.write(p.errors()), Instant.now(), jobId, ImportRecovery.INSTANCE));
        return p;
    }

    private static void fenced(UUID jobId, int updated) {
        if (updated != 1) {
            throw new LostClaim(jobId);
        }
    }

    private static String source(ImportJob job) {
        return "import:" + job.id;
    }
}
