package io.balance.gateway.audit;

import io.balance.gateway.auth.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The audit entries of requests through the gateway: every write, and reads of sensitive data. The entry (who, what,
 * when, from where) is in PostgreSQL ({@code audit_pending}) before the request goes on, so no write reaches a service
 * unrecorded whatever happens to the gateway afterwards. A proxied request's outcome (status, duration) is written
 * there too before its answer leaves ({@link AuditOutcomes}); a request to the gateway's own resources gets its
 * outcome when the response ends (what those resources change is audited in their own transaction). {@link AuditDrain}
 * chains the entries into the hash-chained trail ({@link AuditTrail}). An entry whose outcome never came (the gateway
 * stopped in between) is chained without one after {@code balance.audit.orphan-after}.
 */
@ApplicationScoped
public class AuditLog {
    /** Routing-context key a gateway resource may set: the division its write concerns. */
    public static final String DIVISION = "balance.audit.division";

    /** Reads that are audited like writes: flagged survey answers and their reviews, evidence files (their bytes). */
    static final List<Pattern> SENSITIVE_READS = List.of(
            Pattern.compile("/api/v1/surveys/[^/]+/(?:flagged|reviews)(?:/.*)?"),
            Pattern.compile("/api/v1/evidence/[^/]+"));

    /** What the request was, known before it is forwarded. */
    record Intent(Instant at, AuditTrail.Kind kind, String actor, String role, String jurisdiction, String method,
                  String path, String address) {
    }

    /** An audited request on its way: its entry's id, and whether its outcome is recorded already. */
    record Pending(long id, Intent intent, long startNanos, AtomicBoolean recorded) {
    }

    /** Audited requests between their entry and their response's end, by request (identity). */
    private final Map<HttpServerRequest, Pending> inflight = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;
    @Inject
    AuditDrain drain;

    /** Whether a request by a signed-in caller is audited: every write, and reads of sensitive data. */
    public static boolean audits(HttpMethod method, String path) {
        return isWrite(method) || ((method == HttpMethod.GET || method == HttpMethod.HEAD) && sensitive(path));
    }

    static boolean sensitive(String path) {
        if (!path.startsWith("/api/v1/surveys/") && !path.startsWith("/api/v1/evidence/")) {
            return false; // the proxy's hot path: most reads end here, without a regex
        }
        for (Pattern pattern : SENSITIVE_READS) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWrite(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    /**
     * Writes the request's entry to PostgreSQL (on a worker thread); the future succeeds once it is committed, and
     * the request may go on only then. A proxied request's outcome is written before its answer leaves
     * ({@link AuditOutcomes}); any other's when its response ends.
     */
    public Future<Void> begin(RoutingContext rc, TokenVerifier.Caller caller, long startNanos) {
        HttpServerRequest request = rc.request();
        HttpMethod method = request.method();
        String path = request.path();
        Intent intent = new Intent(Instant.now().truncatedTo(ChronoUnit.MICROS),
                isWrite(method) ? AuditTrail.Kind.REQUEST : AuditTrail.Kind.READ, caller.name(), caller.role(),
                caller.jurisdiction(), method.name(), path.length() > 512 ? path.substring(0, 512) : path,
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return rc.vertx().executeBlocking(() -> insert(intent), false).map(id -> {
            Pending pending = new Pending(id, intent, startNanos, new AtomicBoolean());
            inflight.put(request, pending);
            rc.addEndHandler(done -> {
                inflight.remove(request);
                if (pending.recorded().get()) {
                    drain.outcome(new AuditDrain.Outcome(id, intent, 0, 0, null, true));
                    return;
                }
                int status = done.succeeded() ? rc.response().getStatusCode() : 499; // 499: the client went away
                Object division = rc.get(DIVISION);
                drain.outcome(new AuditDrain.Outcome(id, intent, status, elapsedMs(startNanos),
                        division == null ? null : division.toString(), false));
            });
            return null;
        });
    }

    /** The audited request being proxied, if {@code request} is one whose outcome is not recorded yet. */
    Pending pending(HttpServerRequest request) {
        return inflight.get(request);
    }

    static int elapsedMs(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }

    /** Writes a proxied request's outcome on its pending row (the answer waits for it). */
    void recordOutcome(Pending pending, int status) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update audit_pending set status = ?, duration_ms = ?, done = true where id = ?")) {
            update.setInt(1, status);
            update.setInt(2, elapsedMs(pending.startNanos()));
            update.setLong(3, pending.id());
            if (update.executeUpdate() == 1) {
                pending.recorded().set(true);
            }
        }
    }

    private long insert(Intent i) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into audit_pending (at, kind, actor, actor_role,"
                     + " actor_jurisdiction, method, path, client_address) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            insert.setTimestamp(1, Timestamp.from(i.at()));
            insert.setString(2, i.kind().name());
            insert.setString(3, i.actor());
            insert.setString(4, i.role());
            insert.setString(5, i.jurisdiction());
            insert.setString(6, i.method());
            insert.setString(7, i.path());
            insert.setString(8, i.address());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
