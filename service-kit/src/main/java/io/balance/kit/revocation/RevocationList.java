package io.balance.kit.revocation;

import io.balance.contracts.TokenClaims;
import io.balance.kit.consumer.Inbox;
import io.balance.kit.kafka.KafkaConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The token revocation list of this instance: per account name the instant before which its tokens are refused,
 * read from the gateway's {@code gateway.revocations.v1} (see {@link RevocationReader}). Checked on every request
 * by {@link RevocationFilter}; readiness ({@link RevocationHealthCheck}) waits until it has caught up.
 */
@ApplicationScoped
public class RevocationList {
    private static final Logger LOG = Logger.getLogger(RevocationList.class);
    /** Older revocations are moot: every token issued before them has expired. */
    static final Duration RETENTION = Duration.ofSeconds(2 * TokenClaims.LIFESPAN_SECONDS);

    public enum Verdict {
        VALID, REVOKED,
        /** Not caught up yet: whether the token was revoked is not known. */
        LOADING
    }

    @Inject
    RevocationConfig config;
    @Inject
    KafkaConfig kafka;
    @Inject
    Inbox inbox;

    private volatile RevocationReader reader;

    void start(@Observes StartupEvent event) throws InterruptedException {
        if (!config.enabled()) {
            return;
        }
        reader = newReader();
        reader.start(kafka.clientId() + "-revocations");
        if (!reader.awaitCaughtUp(config.startupWait())) {
            LOG.warnf("token revocations not caught up after %s (Kafka %s); not ready, tokens answered 503 until then",
                    config.startupWait(), kafka.bootstrapServers());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.stop();
        }
    }

    /** A reader of its own, started by the caller: what a freshly started instance holds (tests). */
    RevocationReader newReader() {
        return new RevocationReader(properties(), inbox, RETENTION, config.pollTimeout(), config.retryBackoff());
    }

    /** Puts {@code r} in place of the reader the filter consults and returns the one it replaced (tests). */
    RevocationReader replaceReader(RevocationReader r) {
        RevocationReader old = reader;
        reader = r;
        return old;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Verdict check(String name, long issuedAtMillis) {
        RevocationReader r = reader;
        if (r == null || !r.caughtUp()) {
            return config.enabled() ? Verdict.LOADING : Verdict.VALID;
        }
        Long after = r.validAfter(name);
        return after != null && issuedAtMillis < after ? Verdict.REVOKED : Verdict.VALID;
    }

    public Verdict check(JsonWebToken jwt) {
        return check(jwt.getName(), issuedAtMillis(jwt));
    }

    /** The gateway's millisecond issue time ({@link TokenClaims#ISSUED_AT_MILLIS}) when present, else {@code iat}. */
    public static long issuedAtMillis(JsonWebToken jwt) {
        Object millis = jwt.getClaim(TokenClaims.ISSUED_AT_MILLIS);
        if (millis instanceof Number n) {
            return n.longValue();
        }
        if (millis instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        return jwt.getIssuedAtTime() * 1000;
    }

    boolean caughtUp() {
        RevocationReader r = reader;
        return r != null && r.caughtUp();
    }

    int size() {
        RevocationReader r = reader;
        return r == null ? 0 : r.size();
    }

    long lag() {
        RevocationReader r = reader;
        return r == null ? 0 : r.lag();
    }

    String lastError() {
        RevocationReader r = reader;
        return r == null ? null : r.lastError();
    }

    private Properties properties() {
        // no group: every instance reads every partition itself and commits nothing
        Properties p = kafka.consumerProperties("revocations");
        // a broker that does not answer shows as an error (and a retry) within seconds, not a minute
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return p;
    }
}
