package io.balance.gateway.audit;

import io.balance.gateway.auth.TokenVerifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The audit entries of writes through the gateway to the services (who, what, when, how it ended). Entries are
 * queued when the response ends and appended to the hash-chained trail ({@link AuditTrail}) in batches by one
 * background thread, so auditing adds no database round trip to a proxied request; on shutdown the queue is drained.
 * A crash loses what is queued (at most the last ~200 ms); the gateway's own events (sign-ins, account changes) are
 * written in the transaction of the change instead.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** Routing-context key a gateway resource may set: the division its write concerns. */
    public static final String DIVISION = "balance.audit.division";

    record Entry(Instant at, String actor, String role, String jurisdiction, String explicitDivision, String method,
                 String path, int status, int durationMs, String address) {
    }

    @Inject
    DataSource dataSource;

    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>(100_000);
    private final Map<String, String> reporterCounties = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread writer;

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::drain, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(10_000);
        }
    }

    /** Records the write when its response has been sent. */
    public void track(RoutingContext rc, TokenVerifier.Caller caller, long startNanos) {
        Instant at = Instant.now();
        String method = rc.request().method().name();
        String path = rc.request().path();
        String address = rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
        rc.addEndHandler(done -> {
            int status = done.succeeded() ? rc.response().getStatusCode() : 499; // 499: the client went away
            int duration = (int) ((System.nanoTime() - startNanos) / 1_000_000);
            Object division = rc.get(DIVISION);
            Entry entry = new Entry(at, caller.name(), caller.role(), caller.jurisdiction(),
                    division == null ? null : division.toString(), method, path, status, duration, address);
            if (!queue.offer(entry)) {
                LOG.errorf("audit queue full; entry lost: %s", entry);
            }
        });
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 499);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                LOG.error("cannot write " + batch.size() + " audit entries; retrying", e);
                requeue(batch);
                sleep();
            }
            batch.clear();
        }
    }

    private void requeue(List<Entry> batch) {
        batch.forEach(queue::offer);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Entry> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (Entry e : batch) {
                String county = "SCHOOL_REPORTER".equals(e.role()) ? reporterCounty(connection, e.actor()) : null;
                String path = e.path().length() > 512 ? e.path().substring(0, 512) : e.path();
                AuditTrail.append(connection, new AuditTrail.Entry(e.at(), AuditTrail.Kind.REQUEST, e.actor(), e.role(),
                        e.jurisdiction(), AuditScope.division(e.path(), e.explicitDivision(), e.jurisdiction(), county),
                        null, null, e.method(), path, e.status(), e.durationMs(), e.address()));
            }
            connection.commit();
        }
    }

    private String reporterCounty(Connection connection, String name) throws SQLException {
        String known = reporterCounties.get(name);
        if (known != null) {
            return known;
        }
        try (PreparedStatement query = connection.prepareStatement("select county_code from account where name = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                String county = rs.next() ? rs.getString(1) : null;
                if (county != null) {
                    reporterCounties.put(name, county);
                }
                return county;
            }
        }
    }
}
