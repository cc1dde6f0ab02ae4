package io.balance.gateway.audit;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.kit.problem.ProblemException;
import io.balance.gateway.routing.GatewayFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, newest first: a system administrator sees everything, a province administrator its province. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Who wrote what, when, and how it ended")
@SecurityRequirement(name = "jwt")
public class AuditResource {
    public record EntryView(long id, Instant at, String kind, String actor, String actorRole, String actorJurisdiction,
                            String division, String subject, String detail, String method, String path, Integer status,
                            Integer durationMs) {
    }

    /** The chain's check: how many chained entries, the first whose hash or link is wrong (null: intact). */
    public record ChainCheck(long checked, Long firstBrokenId, String lastHash, boolean headMatches) {
    }

    public record Page(List<EntryView> items, int page, int size, long total) {
    }

    /** The chain's start (V6__audit_chain.sql). */
    static final String GENESIS = "0".repeat(64);

    @Inject
    DataSource dataSource;
    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @GET
    @Operation(operationId = "listAudit", summary = "Sign-ins, account changes and writes through the gateway within your province (PROVINCE_ADMIN) or all (SYSTEM_ADMIN)")
    public Page list(@QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
                     @QueryParam("page") Integer page, @QueryParam("size") Integer size)
            throws SQLException {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = rc.get(GatewayFilter.CALLER);
        if (caller == null) {
            throw new ProblemException(401, "unauthorized", "Authentication required", "a bearer token is required", null);
        }
        Role role = Role.valueOf(caller.role());
        if (role != Role.SYSTEM_ADMIN && role != Role.PROVINCE_ADMIN) {
            throw ProblemException.forbidden("the audit log is for province administrators");
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (s < 1 || s > 500) {
            throw ProblemException.invalid("size", "must be between 1 and 500");
        }
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (role == Role.PROVINCE_ADMIN) {
            where.append(" and division like ?");
            args.add(JurisdictionScope.prefixOf(caller.jurisdiction()) + "%");
        }
        if (actor != null && (actor.length() > 64 || actor.chars().anyMatch(Character::isISOControl))) {
            throw ProblemException.invalid("actor", "an account name: at most 64 characters, no control characters");
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = ?");
            args.add(actor);
        }
        if (from != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(instant("from", from)));
        }
        if (to != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(instant("to", to)));
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("select count(*) from audit_entry" + where)) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<EntryView> items = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("select id, at, kind, actor, actor_role, actor_jurisdiction,"
                    + " division, subject, detail, method, path, status, duration_ms from audit_entry" + where
                    + " order by at desc, id desc limit ? offset ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(s);
                all.add((long) p * s);
                bind(query, all);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        items.add(new EntryView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), (Integer) rs.getObject(12),
                                (Integer) rs.getObject(13)));
                    }
                }
            }
            return new Page(items, p, s, total);
        }
    }

    @GET
    @Path("/chain")
    @Operation(operationId = "checkAuditChain",
            summary = "Recompute the audit trail's hash chain (SYSTEM_ADMIN): the first entry edited or missing, if any")
    public ChainCheck chain() throws SQLException {
        TokenVerifier.Caller caller = current.getCurrent().get(GatewayFilter.CALLER);
        if (caller == null || Role.valueOf(caller.role()) != Role.SYSTEM_ADMIN) {
            throw ProblemException.forbidden("the chain check is for system administrators");
        }
        try (Connection c = dataSource.getConnection()) {
            // one snapshot for the entries and the head, whatever is appended meanwhile
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String expected = null;
            long checked = 0;
            Long broken = null;
            try (PreparedStatement q = c.prepareStatement("select id, at, kind, actor, actor_role, actor_jurisdiction,"
                    + " division, subject, detail, method, path, status, duration_ms, client_address, prev_hash, hash"
                    + " from audit_entry where hash is not null order by id");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    String previous = rs.getString(15);
                    AuditTrail.Entry entry = new AuditTrail.Entry(rs.getTimestamp(2).toInstant(),
                            AuditTrail.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            (Integer) rs.getObject(12), (Integer) rs.getObject(13), rs.getString(14));
                    boolean linked = expected == null ? GENESIS.equals(previous) : expected.equals(previous);
                    String recomputed = AuditTrail.hash(previous, entry.at(), entry);
                    if (broken == null && (!linked || !recomputed.equals(rs.getString(16)))) {
                        broken = rs.getLong(1);
                    }
                    expected = rs.getString(16);
                }
            }
            String head;
            try (PreparedStatement q = c.prepareStatement("select last_hash from audit_chain_head where id = 1");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                head = rs.getString(1);
            }
            c.commit();
            return new ChainCheck(checked, broken, expected, expected == null || expected.equals(head));
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "an ISO-8601 instant, e.g. 2025-09-01T00:00:00Z");
        }
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }
}
