package io.balance.gateway.auth;

import io.balance.gateway.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Failed sign-ins per account and per source address, in the gateway's PostgreSQL so that every replica sees the
 * same counts. A key is blocked for a growing delay ({@link Backoff}) after its free failures; a block is checked
 * before any password is hashed, so a blocked key costs one indexed read, never bcrypt work.
 */
@ApplicationScoped
public class SignInThrottle {
    @Inject
    DataSource dataSource;
    @Inject
    ThrottleSettings settings;

    public static String accountKey(String name) {
        return "account:" + name;
    }

    public static String sourceKey(String address) {
        return "source:" + address;
    }

    /** Seconds until both keys may try again (0: now). */
    public long blockedFor(String accountKey, String sourceKey, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select max(blocked_until) from sign_in_throttle where key in (?, ?) and blocked_until > ?")) {
            q.setString(1, accountKey);
            q.setString(2, sourceKey);
            q.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = q.executeQuery()) {
                Timestamp until = rs.next() ? rs.getTimestamp(1) : null;
                return until == null ? 0 : seconds(Duration.between(now, until.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in throttle unavailable", e);
        }
    }

    /** Counts a failure against both keys and blocks each that is past its free failures; audited alike. */
    public void failed(String accountKey, String sourceKey, Instant now, AuditTrail.Entry audit) {
        inTransaction(c -> {
            count(c, accountKey, settings.accountFreeFailures(), now);
            count(c, sourceKey, settings.sourceFreeFailures(), now);
            AuditTrail.append(c, audit);
        });
    }

    /** A successful sign-in: forgets the account's failures; audited alike. */
    public void succeeded(String accountKey, AuditTrail.Entry audit) {
        inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("delete from sign_in_throttle where key = ?")) {
                d.setString(1, accountKey);
                d.executeUpdate();
            }
            AuditTrail.append(c, audit);
        });
    }

    /** An attempt refused while blocked: only audited. */
    public void refused(AuditTrail.Entry audit) {
        inTransaction(c -> AuditTrail.append(c, audit));
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in throttle unavailable", e);
        }
    }

    /** Forgets a key's failures (an administrator's unlock); joins the caller's transaction if there is one. */
    public boolean clear(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("delete from sign_in_throttle where key = ?")) {
            d.setString(1, key);
            return d.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in throttle unavailable", e);
        }
    }

    private void count(Connection c, String key, int free, Instant now) throws SQLException {
        int failures;
        // the upsert locks the row: concurrent failures on other replicas count one after the other
        try (PreparedStatement up = c.prepareStatement("insert into sign_in_throttle as t (key, failures, last_failure)"
                + " values (?, 1, ?) on conflict (key) do update set failures = case when t.last_failure < ? then 1"
                + " else t.failures + 1 end, last_failure = excluded.last_failure returning failures")) {
            up.setString(1, key);
            up.setTimestamp(2, Timestamp.from(now));
            up.setTimestamp(3, Timestamp.from(now.minus(settings.forgetAfter())));
            try (ResultSet rs = up.executeQuery()) {
                rs.next();
                failures = rs.getInt(1);
            }
        }
        Duration delay = Backoff.after(failures, free, settings.baseDelay(), settings.maxDelay());
        if (!delay.isZero()) {
            try (PreparedStatement block = c.prepareStatement("update sign_in_throttle set blocked_until = ? where key = ?")) {
                block.setTimestamp(1, Timestamp.from(now.plus(delay)));
                block.setString(2, key);
                block.executeUpdate();
            }
        }
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
