package io.balance.school.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in id order. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} (so
 * several instances never publish the same row at once) and a row is marked sent only after the broker
 * acknowledged it (acks=all, idempotent producer). When Kafka is down the rows stay and are retried on the
 * next tick; the API keeps accepting writes meanwhile.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "balance.outbox.batch-size", defaultValue = "500")
    int batchSize;
    @ConfigProperty(name = "balance.outbox.delivery-timeout", defaultValue = "10s")
    Duration deliveryTimeout;
    @ConfigProperty(name = "balance.outbox.max-block", defaultValue = "2s")
    Duration maxBlock;
    @ConfigProperty(name = "balance.outbox.retention", defaultValue = "P30D")
    Duration retention;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private Counter published;
    private Counter failures;
    private volatile Instant lastPublishedAt;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;
    private KafkaProducer<String, String> producer;

    @PostConstruct
    void metrics() {
        registry.gauge("balance.outbox.backlog", backlog);
        registry.gauge("balance.outbox.oldest.unsent.age.seconds", oldestUnsentAgeSeconds);
        published = registry.counter("balance.outbox.published");
        failures = registry.counter("balance.outbox.failures");
    }

    @Scheduled(every = "${balance.outbox.poll-interval:1s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-relay")
    void tick() {
        try {
            int n;
            do {
                n = relayBatch();
            } while (n == batchSize);
        } catch (Exception e) {
            recordFailure(e);
        } finally {
            refreshBacklog();
        }
    }

    /** Publishes one batch; returns the number of rows marked sent (less than a full batch ends the tick). */
    int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row> rows = claim(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<Future<RecordMetadata>> futures = new ArrayList<>();
                Exception sendFailure = null;
                for (Row row : rows) {
                    Future<RecordMetadata> f;
                    try {
                        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.payload);
                        record.headers().add("eventId", row.eventId.getBytes(StandardCharsets.UTF_8));
                        record.headers().add("eventType", row.type.getBytes(StandardCharsets.UTF_8));
                        f = producer().send(record);
                    } catch (Exception e) {
                        sendFailure = e;
                        break;
                    }
                    futures.add(f);
                    if (f.isDone() && failed(f)) {
                        break; // metadata unavailable: the broker is down; don't block max.block.ms per row
                    }
                }
                List<Long> sent = new ArrayList<>();
                Exception failure = sendFailure;
                long waitMs = deliveryTimeout.toMillis() + 2000;
                long deadline = System.currentTimeMillis() + waitMs;
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        futures.get(i).get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                        sent.add(rows.get(i).id);
                    } catch (ExecutionException e) {
                        failure = failure == null ? (Exception) e.getCause() : failure;
                    } catch (java.util.concurrent.TimeoutException e) {
                        failure = failure == null ? e : failure;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failure = e;
                        break;
                    }
                }
                markSent(c, sent);
                if (failure != null && sent.size() < rows.size()) {
                    markFailed(c, rows.get(sent.size()).id, failure);
                }
                c.commit();
                if (!sent.isEmpty()) {
                    published.increment(sent.size());
                    lastPublishedAt = Instant.now();
                }
                if (failure != null) {
                    recordFailure(failure);
                    return -1;
                }
                return sent.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean failed(Future<?> f) {
        try {
            f.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private List<Row> claim(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, event_id, topic, message_key, event_type, payload from outbox_event"
                        + " where sent_at is null order by id limit ? for update skip locked")) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    private static void markSent(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null where id = any(?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private static void markFailed(Connection c, long id, Exception failure) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where id = ?")) {
            ps.setString(1, String.valueOf(failure));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private void recordFailure(Exception e) {
        failures.increment();
        lastFailureAt = Instant.now();
        lastFailure = String.valueOf(e);
        LOG.debugf("outbox relay: %s", e);
        if (!(e instanceof RetriableException) && !(e instanceof java.util.concurrent.TimeoutException)
                && !(e instanceof SQLException) && producer != null) {
            // a fatal producer error (e.g. fenced, unknown sequence) needs a fresh producer
            closeProducer();
        }
    }

    private void refreshBacklog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*), min(created_at) from outbox_event where sent_at is null");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                backlog.set(rs.getLong(1));
                Timestamp oldest = rs.getTimestamp(2);
                oldestUnsentAgeSeconds.set(oldest == null ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toSeconds()));
            }
        } catch (SQLException e) {
            LOG.debugf("outbox backlog query failed: %s", e);
        }
    }

    /** Published events are kept for a while for operators, then removed. */
    @Scheduled(every = "1h", delay = 5, delayUnit = TimeUnit.MINUTES, identity = "outbox-retention")
    void purgeSent() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from outbox_event where sent_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("outbox retention failed: %s", e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "school-service-outbox");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis() / 2, 5000));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 200);
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            // TLS + SCRAM in a cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*: k8s/README.md); none locally
            io.balance.contracts.KafkaConnection.apply(p, k -> org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue(k, String.class));
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (Exception e) {
                LOG.debugf("closing producer: %s", e);
            }
            producer = null;
        }
    }

    @PreDestroy
    void stop() {
        closeProducer();
    }

    public long backlog() {
        return backlog.get();
    }

    public long oldestUnsentAgeSeconds() {
        return oldestUnsentAgeSeconds.get();
    }

    public Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    public String lastFailure() {
        return lastFailure;
    }

    private record Row(long id, String eventId, String topic, String key, String type, String payload) {
    }
}
