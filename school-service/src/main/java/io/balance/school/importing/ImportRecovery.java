package io.balance.school.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Import jobs outlive the instance that started them. The instance running a job renews its heartbeat; a job
 * whose heartbeat is older than the timeout (its instance was replaced, crashed, or released it while shutting
 * down) is claimed by whichever instance gets there first, with one conditional UPDATE, and resumed from its
 * committed progress. On a graceful shutdown the workers stop and the claims are released at once.
 */
@ApplicationScoped
public class ImportRecovery {
    private static final Logger LOG = Logger.getLogger(ImportRecovery.class);
    /** This process, as written into the jobs it claims. */
    static final String INSTANCE = System.getenv().getOrDefault("HOSTNAME", "local") + "/" + UUID.randomUUID();
    private static final List<ImportJob.Status> UNFINISHED = List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING);

    @Inject
    ImportConfig config;

    @Inject
    ImportRunner runner;

    private volatile boolean stopping;

    @Scheduled(every = "${balance.import.heartbeat-interval}", delay = 1, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            identity = "import-recovery", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        List<UUID> mine = List.copyOf(runner.running());
        Instant now = Instant.now();
        if (!mine.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "heartbeatAt = ?1 where id in ?2 and claimedBy = ?3", now, mine, INSTANCE));
        }
        Instant stale = now.minus(config.heartbeatTimeout());
        List<UUID> orphans = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>list(
                "status in ?1 and (heartbeatAt is null or heartbeatAt < ?2)", UNFINISHED, stale)
                .stream().map(j -> j.id).toList());
        for (UUID id : orphans) {
            if (!mine.contains(id) && claim(id, stale)) {
                LOG.infof("import %s: its instance went away; resuming it here (%s)", id, INSTANCE);
                runner.resume(id);
            }
        }
    }

    /** One conditional UPDATE: of several instances trying at once, exactly one wins. */
    private boolean claim(UUID id, Instant stale) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "claimedBy = ?1, heartbeatAt = ?2 where id = ?3 and status in ?4 and (heartbeatAt is null or heartbeatAt < ?5)",
                INSTANCE, Instant.now(), id, UNFINISHED, stale)) == 1;
    }

    /** Stops the workers, then releases this instance's jobs so that another one resumes them without waiting. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            runner.stop(Duration.ofSeconds(10));
            int released = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                    "claimedBy = null, heartbeatAt = null where claimedBy = ?1 and status in ?2", INSTANCE, UNFINISHED));
            if (released > 0) {
                LOG.infof("released %d unfinished import job(s) for another instance", released);
            }
        } catch (Exception e) {
            // the heartbeat stops all the same: another instance resumes them after the timeout
            LOG.warnf("releasing the import jobs: %s", e.toString());
        }
    }
}
