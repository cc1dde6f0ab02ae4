package io.balance.indicator.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows (indicator.evaluations.v1) in id order and marks them sent. Rows are locked with
 * SKIP LOCKED so that several replicas never send the same row concurrently. Kafka down: rows stay unsent and
 * go out when it is back; the writes that produced them already succeeded.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "balance.indicator.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "balance.indicator.outbox.interval", defaultValue = "0.2s")
    Duration interval;

    private KafkaProducer<String, String> producer;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "indicator-outbox");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            // TLS + SCRAM in a cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*: k8s/README.md); none locally
            io.balance.contracts.KafkaConnection.apply(p, k -> org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue(k, String.class));
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    void start(@Observes StartupEvent ev) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "indicator-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void close(@Observes ShutdownEvent ev) {
        running = false;
        wakeups.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(java.time.Duration.ofSeconds(5));
                producer = null;
            }
        }
    }

    /** Called after a transaction that wrote outbox rows has committed: relay now instead of at the next interval. */
    public void nudge() {
        wakeups.release();
    }

    /**
     * Its own thread rather than @Scheduled: the Quarkus scheduler checks its triggers once a second, which alone
     * would add up to a second to every event. Sleeps {@code interval} unless nudged; backs off while Kafka is down.
     */
    private void loop() {
        while (running) {
            long wait = interval.toMillis();
            try {
                while (running && relayBatch() == BATCH) {
                    // keep going while full batches are waiting
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay: %s (rows stay unsent and are retried)", e.toString());
                wait = Math.max(wait, 2000);
            }
            try {
                if (wakeups.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return how many rows were sent */
    @Transactional
    public int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            List<long[]> ids = new ArrayList<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, topic, message_key, payload from outbox_event where sent_at is null
                    order by id limit ? for update skip locked""")) {
                ps.setInt(1, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new long[] {rs.getLong(1)});
                        sends.add(producer().send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            for (Future<RecordMetadata> f : sends) {
                f.get(15, TimeUnit.SECONDS);
            }
            markSent(c, ids);
            return ids.size();
        }
    }

    private static void markSent(Connection c, List<long[]> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set sent_at = now() where id = ?")) {
            for (long[] id : ids) {
                ps.setLong(1, id[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
