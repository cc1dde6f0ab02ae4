package io.balance.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.hibernate.Session;

/**
 * Appends to the hash-chained audit trail inside the caller's transaction: the entry commits with the change it
 * records or not at all. Appends lock the chain's head row, so every replica chains in one order.
 */
@ApplicationScoped
public class AuditTrail {
    /** What happened. REQUEST: a write through the gateway; READ: a read of sensitive data (AuditLog). */
    public enum Kind {
        REQUEST, READ, SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_IN_UNLOCKED, ACCOUNT_CREATED, ACCOUNT_DISABLED,
        ACCOUNT_ENABLED, ACCOUNT_DELETED, PASSWORD_CHANGED, PASSWORD_RESET, CLIENT_SECRET_ROTATED, TOKENS_REVOKED
    }

    /** One entry; nulls where a field does not apply. */
    public record Entry(Instant at, Kind kind, String actor, String actorRole, String actorJurisdiction, String division,
                        String subject, String detail, String method, String path, Integer status, Integer durationMs,
                        String address) {
    }

    @Inject
    EntityManager entityManager;

    /** An account event by {@code caller} about {@code subject}, within the current JTA transaction. */
    public void record(Kind kind, io.balance.gateway.auth.TokenVerifier.Caller caller, String subject, String division,
                       String detail) {
        record(new Entry(Instant.now(), kind, caller.name(), caller.role(), caller.jurisdiction(), division, subject,
                detail, null, null, null, null, null));
    }

    /** Appends within the current JTA transaction (a resource method's @Transactional). */
    public void record(Entry entry) {
        entityManager.unwrap(Session.class).doWork(connection -> append(connection, entry));
    }

    /** Appends on {@code connection}, in its transaction (auto-commit off). Returns the entry's hash. */
    public static String append(Connection connection, Entry e) throws SQLException {
        String previous;
        try (PreparedStatement head = connection.prepareStatement(
                "select last_hash from audit_chain_head where id = 1 for update");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            previous = rs.getString(1);
        }
        Instant at = e.at().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so the hash can be recomputed
        String hash = hash(previous, at, e);
        long id;
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_entry (at, kind, actor, actor_role,"
                + " actor_jurisdiction, division, subject, detail, method, path, status, duration_ms, client_address,"
                + " prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, e.kind().name());
            insert.setString(3, e.actor());
            insert.setString(4, e.actorRole());
            insert.setString(5, e.actorJurisdiction());
            insert.setString(6, e.division());
            insert.setString(7, e.subject());
            insert.setString(8, e.detail());
            insert.setString(9, e.method());
            insert.setString(10, e.path());
            insert.setObject(11, e.status());
            insert.setObject(12, e.durationMs());
            insert.setString(13, e.address());
            insert.setString(14, previous);
            insert.setString(15, hash);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement move = connection.prepareStatement(
                "update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
            move.setLong(1, id);
            move.setString(2, hash);
            move.executeUpdate();
        }
        return hash;
    }

    /** SHA-256 over the previous hash and every field, in a fixed order, as hex. */
    public static String hash(String previous, Instant at, Entry e) {
        String text = String.join("|", previous, at.toString(), e.kind().name(), s(e.actor()), s(e.actorRole()),
                s(e.actorJurisdiction()), s(e.division()), s(e.subject()), s(e.detail()), s(e.method()), s(e.path()),
                s(e.status()), s(e.durationMs()), s(e.address()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String s(Object value) {
        return value == null ? "" : value.toString().replace("\\", "\\\\").replace("|", "\\|");
    }
}
