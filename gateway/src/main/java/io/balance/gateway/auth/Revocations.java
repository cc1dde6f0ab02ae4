package io.balance.gateway.auth;

import io.balance.contracts.TokenRevocationV1;
import io.balance.contracts.Topics;
import io.balance.gateway.account.AccountSettings;
import io.balance.kit.outbox.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Token revocation: a name's tokens issued before its {@code valid_after} are refused by the gateway. The list
 * lives in PostgreSQL (written in the transaction of the change that revokes) and every replica holds a copy it
 * reloads in the background, so the check on each request is a map lookup, never a database call. The same
 * transaction writes a {@link TokenRevocationV1} to the outbox: every service reads {@code gateway.revocations.v1}
 * (the kit's {@code io.balance.kit.revocation}) and refuses the token too when it is used directly at its port.
 */
@ApplicationScoped
public class Revocations {
    private static final Logger LOG = Logger.getLogger(Revocations.class);
    /** Older revocations are moot: every token issued before them has expired. */
    static final Duration KEEP = Duration.ofSeconds(2 * TokenIssuer.LIFESPAN_SECONDS);

    @Inject
    DataSource dataSource;
    @Inject
    EntityManager entityManager;
    @Inject
    AccountSettings settings;
    @Inject
    Outbox outbox;

    private volatile Map<String, Long> validAfter = Map.of();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "token-revocations");
        thread.setDaemon(true);
        return thread;
    });

    void start(@Observes StartupEvent event) {
        long every = settings.revocationRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::reload, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        refresher.shutdownNow();
    }

    /** Whether a token of {@code name} issued at {@code issuedAtMillis} was revoked. */
    public boolean revoked(String name, long issuedAtMillis) {
        Long after = validAfter.get(name);
        return after != null && issuedAtMillis < after;
    }

    /** Revokes every token of {@code name} issued until now, here and in every service; joins the caller's transaction. */
    public void revoke(String name) {
        Instant now = Instant.now();
        entityManager.createNativeQuery("insert into token_revocation (name, valid_after) values (?1, ?2)"
                        + " on conflict (name) do update set valid_after = excluded.valid_after")
                .setParameter(1, name).setParameter(2, now).executeUpdate();
        String eventId = Outbox.newEventId();
        long revision = now.toEpochMilli();
        outbox.add(eventId, Topics.TOKEN_REVOCATIONS, name, revision,
                new TokenRevocationV1(eventId, TokenRevocationV1.SCHEMA_VERSION, now, name, now, revision));
        Map<String, Long> next = new HashMap<>(validAfter);
        next.put(name, now.toEpochMilli());
        validAfter = Map.copyOf(next); // this replica at once; the others at their next reload
    }

    void reload() {
        try (Connection c = dataSource.getConnection()) {
            Timestamp horizon = Timestamp.from(Instant.now().minus(KEEP));
            try (PreparedStatement purge = c.prepareStatement("delete from token_revocation where valid_after < ?")) {
                purge.setTimestamp(1, horizon);
                purge.executeUpdate();
            }
            Map<String, Long> loaded = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("select name, valid_after from token_revocation");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    loaded.put(rs.getString(1), rs.getTimestamp(2).toInstant().toEpochMilli());
                }
            }
            validAfter = Map.copyOf(loaded);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot reload token revocations; keeping the last list", e);
        }
    }
}
