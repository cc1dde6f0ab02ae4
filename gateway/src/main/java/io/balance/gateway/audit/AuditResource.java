package io.balance.gateway.audit;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.gateway.problem.ProblemException;
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
    public record EntryView(long id, Instant at, String actor, String actorRole, String actorJurisdiction,
                            String division, String method, String path, int status, int durationMs) {
    }

    public record Page(List<EntryView> items, int page, int size, long total) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @GET
    @Operation(summary = "Writes through the gateway within your province (PROVINCE_ADMIN) or all (SYSTEM_ADMIN)")
    public Page list(@QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
                     @QueryParam("page") Integer page, @QueryParam("size") Integer size)
            throws SQLException {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = rc.get(GatewayFilter.CALLER);
        if (caller == null) {
            throw ProblemException.of(401, "unauthorized", "Authentication required", "a bearer token is required");
        }
        Role role = Role.valueOf(caller.role());
        if (role != Role.SYSTEM_ADMIN && role != Role.PROVINCE_ADMIN) {
            throw ProblemException.of(403, "forbidden", "Forbidden", "the audit log is for province administrators");
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
            try (PreparedStatement query = c.prepareStatement("select id, at, actor, actor_role, actor_jurisdiction,"
                    + " division, method, path, status, duration_ms from audit_entry" + where
                    + " order by at desc, id desc limit ? offset ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(s);
                all.add((long) p * s);
                bind(query, all);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        items.add(new EntryView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getInt(9), rs.getInt(10)));
                    }
                }
            }
            return new Page(items, p, s, total);
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
