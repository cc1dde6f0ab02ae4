package io.balance.survey.results;

import io.balance.survey.common.Db;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the transactional outbox to Kafka in order and marks each event sent. With Kafka down the events
 * wait in PostgreSQL and flow when it is back; a crash between send and mark re-sends (consumers de-duplicate
 * on eventId).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Db db;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;

    synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            // TLS + SCRAM in a cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*: k8s/README.md); none locally
            io.balance.contracts.KafkaConnection.apply(p, k -> org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue(k, String.class));
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent ev) {
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
        }
    }

    @Scheduled(every = "${balance.survey.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            relay();
        } catch (RuntimeException e) {
            LOG.debug("outbox relay: Kafka unavailable, events kept for later", e);
        }
    }

    /** Sends pending events; returns how many were sent. */
    public int relay() {
        return db.tx(c -> {
            int sent = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, topic, event_key, payload FROM outbox_event "
                    + "WHERE sent_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED");
                    PreparedStatement mark = c.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE id = ?")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            producer().send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4)))
                                    .get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            LOG.debugf("outbox relay stopped at event %d: %s", rs.getLong(1), e.getMessage());
                            break;
                        }
                        mark.setLong(1, rs.getLong(1));
                        mark.executeUpdate();
                        sent++;
                    }
                }
            }
            return sent;
        });
    }
}
