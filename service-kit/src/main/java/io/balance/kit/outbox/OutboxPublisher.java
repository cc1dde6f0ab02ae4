package io.balance.kit.outbox;

import io.balance.kit.jdbc.Sql;
import io.balance.kit.kafka.KafkaConfig;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import io.balance.contracts.KafkaConnection;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** The relay's Kafka and SQL steps: claim a batch, send it (acks=all, idempotent), mark what was acknowledged. */
final class OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    /** Event headers every consumer may rely on. */
    static final String EVENT_ID = "eventId";
    static final String EVENT_TYPE = "eventType";
    static final String REVISION = "revision";
    static final String SOURCE = "source";

    record Row(long id, String eventId, String topic, String key, String type, long revision, String payload) {
    }

    record Result(List<Long> sent, Exception failure) {
    }

    private final KafkaConfig kafka;
    private final OutboxConfig config;
    private KafkaProducer<String, String> producer;

    OutboxPublisher(KafkaConfig kafka, OutboxConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    static List<Row> claim(Connection c, int batchSize) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, event_id, topic, message_key, event_type, revision, payload from outbox_event
                where sent_at is null order by id limit ? for update skip locked""")) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    /** Sends in order; the sent list is the acknowledged prefix, the failure what stopped it (or null). */
    Result publish(List<Row> rows) {
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        Exception failure = null;
        for (Row row : rows) {
            Future<RecordMetadata> f;
            try {
                f = producer().send(record(row));
            } catch (Exception e) {
                failure = e;
                break;
            }
            futures.add(f);
            if (f.isDone() && failed(f)) {
                break; // metadata unavailable: the broker is down; don't block max.block.ms per row
            }
        }
        List<Long> sent = new ArrayList<>();
        long deadline = System.currentTimeMillis() + config.deliveryTimeout().toMillis() + 2000;
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (sent.size() == i) {
                    sent.add(rows.get(i).id());
                }
            } catch (ExecutionException e) {
                failure = failure == null ? (Exception) e.getCause() : failure;
            } catch (TimeoutException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        return new Result(sent, failure);
    }

    private ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> r = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        r.headers().add(EVENT_ID, bytes(row.eventId()));
        r.headers().add(EVENT_TYPE, bytes(row.type()));
        r.headers().add(REVISION, bytes(Long.toString(row.revision())));
        r.headers().add(SOURCE, bytes(kafka.clientId()));
        return r;
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean failed(Future<?> f) {
        try {
            f.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    static void markSent(Connection c, List<Long> ids) throws SQLException {
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

    static void markFailed(Connection c, long id, Exception failure) throws SQLException {
        Sql.update(c, "update outbox_event set attempts = attempts + 1, last_error = ? where id = ?", String.valueOf(failure), id);
    }

    /** A fatal producer error (fenced, unknown sequence) needs a fresh producer; a retriable one does not. */
    void resetAfter(Exception e) {
        if (!(e instanceof RetriableException) && !(e instanceof TimeoutException) && !(e instanceof SQLException)) {
            close();
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.clientId() + "-outbox");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.maxBlock().toMillis());
            int delivery = (int) config.deliveryTimeout().toMillis();
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(delivery / 2, 5000));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 200);
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            // TLS + SCRAM in a cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*: k8s/README.md); none locally
            KafkaConnection.apply(p, k -> ConfigProvider.getConfig().getOptionalValue(k, String.class));
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    synchronized void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (Exception e) {
                LOG.debugf("closing producer: %s", e);
            }
            producer = null;
        }
    }
}
