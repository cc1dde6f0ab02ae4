package io.balance.gateway.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * Moves pending audit entries ({@code audit_pending}, written by {@link AuditLog} before each request went on) into
 * the hash chain. One thread per replica: it adds the outcomes of this replica's requests as their responses end and
 * chains those entries in the same transaction; every {@code sweep-interval} it also chains entries left by another
 * replica and orphans (no outcome after {@code orphan-after}: the gateway that forwarded them stopped). Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never chain one entry twice.
 */
@ApplicationScoped
public class AuditDrain {
    private static final Logger LOG = Logger.getLogger(AuditDrain.class);
    static final String NO_OUTCOME = "no outcome recorded: the gateway stopped before the answer";
    static final String LATE_OUTCOME = "the outcome of an entry chained earlier without one";
    private static final int BATCH = 500;

    /** How a request ended; {@code recorded}: already on its pending row, only to be chained. */
    record Outcome(long id, AuditLog.Intent intent, int status, int durationMs, String division, boolean recorded) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    AuditSettings settings;

    private final LinkedBlockingQueue<Outcome> queue = new LinkedBlockingQueue<>(100_000);
    private final Map<String, String> reporterCounties = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread writer;

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::run, "audit-drain");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(10_000);
        }
    }

    void outcome(Outcome outcome) {
        if (!queue.offer(outcome)) {
            // the entry itself is in audit_pending: it is chained as an orphan, without its status
            LOG.errorf("audit outcome queue full; entry %d will be chained without its outcome", outcome.id());
        }
    }

    private void run() {
        List<Outcome> batch = new ArrayList<>();
        long nextSweep = 0;
        while (running || !queue.isEmpty()) {
            try {
                Outcome first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                boolean sweep = System.nanoTime() - nextSweep >= 0;
                if (!batch.isEmpty() || sweep) {
                    drain(batch, sweep);
                    if (sweep) {
                        nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
                    }
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                LOG.error("cannot chain " + batch.size() + " audit outcomes; retrying", e);
                if (!running) {
                    return; // shutting down: the entries stay pending and are chained as orphans later
                }
                sleep();
            }
        }
    }

    /** Adds the outcomes and chains every entry that is complete (or orphaned, when sweeping), in one transaction. */
    void drain(List<Outcome> outcomes, boolean sweep) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                for (Outcome o : outcomes) {
                    if (o.recorded() || complete(c, o)) {
                        ids.add(o.id());
                    }
                }
                chain(c, ids, sweep);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Writes the outcome on its pending row; false when that row was already chained as an orphan (then a new one). */
    private static boolean complete(Connection c, Outcome o) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update audit_pending set status = ?, duration_ms = ?,"
                + " division = ?, done = true where id = ?")) {
            update.setInt(1, o.status());
            update.setInt(2, o.durationMs());
            update.setString(3, o.division());
            update.setLong(4, o.id());
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        AuditLog.Intent i = o.intent();
        try (PreparedStatement insert = c.prepareStatement("insert into audit_pending (at, kind, actor, actor_role,"
                + " actor_jurisdiction, method, path, client_address, division, status, duration_ms, detail, done)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)")) {
            insert.setTimestamp(1, Timestamp.from(i.at()));
            insert.setString(2, i.kind().name());
            insert.setString(3, i.actor());
            insert.setString(4, i.role());
            insert.setString(5, i.jurisdiction());
            insert.setString(6, i.method());
            insert.setString(7, i.path());
            insert.setString(8, i.address());
            insert.setString(9, o.division());
            insert.setInt(10, o.status());
            insert.setInt(11, o.durationMs());
            insert.setString(12, LATE_OUTCOME);
            insert.executeUpdate();
        }
        return false;
    }

    private void chain(Connection c, List<Long> own, boolean sweep) throws SQLException {
        if (own.isEmpty() && !sweep) {
            return;
        }
        String which = sweep ? "done or at < ?" : "id = any(?)";
        try (PreparedStatement claim = c.prepareStatement("select id, at, kind, actor, actor_role, actor_jurisdiction,"
                + " method, path, client_address, division, status, duration_ms, detail, done from audit_pending"
                + " where " + which + " order by id limit " + BATCH * 4 + " for update skip locked");
             PreparedStatement delete = c.prepareStatement("delete from audit_pending where id = ?")) {
            if (sweep) {
                claim.setTimestamp(1, Timestamp.from(Instant.now().minus(settings.orphanAfter())));
            } else {
                claim.setArray(1, c.createArrayOf("bigint", own.toArray()));
            }
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    boolean done = rs.getBoolean(14);
                    String role = rs.getString(5);
                    String actor = rs.getString(4);
                    String jurisdiction = rs.getString(6);
                    String path = rs.getString(8);
                    String county = "SCHOOL_REPORTER".equals(role) ? reporterCounty(c, actor) : null;
                    AuditTrail.append(c, new AuditTrail.Entry(rs.getTimestamp(2).toInstant(),
                            AuditTrail.Kind.valueOf(rs.getString(3)), actor, role, jurisdiction,
                            AuditScope.division(path, rs.getString(10), jurisdiction, county), null,
                            done ? rs.getString(13) : NO_OUTCOME, rs.getString(7), path, (Integer) rs.getObject(11),
                            (Integer) rs.getObject(12), rs.getString(9)));
                    delete.setLong(1, rs.getLong(1));
                    delete.addBatch();
                }
            }
            delete.executeBatch();
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

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
