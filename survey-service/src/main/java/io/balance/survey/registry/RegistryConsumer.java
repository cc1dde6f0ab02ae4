package io.balance.survey.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.Topics;
import io.balance.survey.common.Db;
import io.balance.survey.config.SurveyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the read model of jurisdictions and schools from school-service's topics. Idempotent: each eventId is
 * applied once, and an older revision never overwrites a newer one, so replaying the topics rebuilds the
 * same state. Offsets are committed only after the records are stored.
 */
@ApplicationScoped
public class RegistryConsumer {
    private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);

    @Inject
    Db db;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    SurveyConfig config;

    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent ev) {
        if (!config.registry().enabled()) {
            return;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.registry().groupId());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        // TLS + SCRAM in a cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*: k8s/README.md); none locally
        io.balance.contracts.KafkaConnection.apply(p, k -> org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(k, String.class));
        consumer = new KafkaConsumer<>(p);
        running = true;
        thread = new Thread(this::loop, "registry-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    try {
                        apply(r.topic(), r.value());
                    } catch (RuntimeException e) {
                        if (isPoison(e)) {
                            LOG.errorf(e, "skipping unreadable record %s-%d@%d", r.topic(), r.partition(), r.offset());
                        } else {
                            // storage trouble: retry from this record after a pause
                            LOG.warnf(e, "could not apply %s-%d@%d; will retry", r.topic(), r.partition(), r.offset());
                            commit(done);
                            done.clear();
                            for (TopicPartition tp : records.partitions()) {
                                OffsetAndMetadata om = consumer.committed(java.util.Set.of(tp)).get(tp);
                                consumer.seek(tp, om == null ? 0 : om.offset());
                            }
                            Thread.sleep(1000);
                            break;
                        }
                    }
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                commit(done);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("registry consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    private static boolean isPoison(RuntimeException e) {
        return e instanceof IllegalArgumentException;
    }

    /** Applies one event; public so the behaviour is testable without timing. */
    public void apply(String topic, String payload) {
        if (Topics.JURISDICTIONS.equals(topic)) {
            JurisdictionChangedV1 e = read(payload, JurisdictionChangedV1.class);
            if (e.eventId() == null || e.code() == null) {
                throw new IllegalArgumentException("jurisdiction event without eventId or code");
            }
            db.tx(c -> {
                if (firstTime(c, e.eventId())) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            INSERT INTO jurisdiction (code, name, level, parent_code, resident_population, revision,
                              urban_population, town_population, rural_population)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                              parent_code = EXCLUDED.parent_code, resident_population = EXCLUDED.resident_population,
                              revision = EXCLUDED.revision, urban_population = EXCLUDED.urban_population,
                              town_population = EXCLUDED.town_population, rural_population = EXCLUDED.rural_population
                            WHERE jurisdiction.revision < EXCLUDED.revision""")) {
                        ps.setString(1, e.code());
                        ps.setString(2, e.name() == null ? e.code() : e.name());
                        ps.setString(3, e.level() == null ? "COUNTY" : e.level());
                        ps.setString(4, e.parentCode());
                        ps.setObject(5, e.residentPopulation());
                        ps.setLong(6, e.revision());
                        ps.setObject(7, e.urbanPopulation());
                        ps.setObject(8, e.townPopulation());
                        ps.setObject(9, e.ruralPopulation());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } else if (Topics.SCHOOL_REGISTRY.equals(topic)) {
            SchoolChangedV1 e = read(payload, SchoolChangedV1.class);
            if (e.eventId() == null || e.school() == null || e.schoolCode() == null) {
                throw new IllegalArgumentException("school event without eventId or school");
            }
            db.tx(c -> {
                if (firstTime(c, e.eventId())) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            INSERT INTO school (school_code, name, county_code, type, location, revision)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (school_code) DO UPDATE SET name = EXCLUDED.name,
                              county_code = EXCLUDED.county_code, type = EXCLUDED.type, location = EXCLUDED.location,
                              revision = EXCLUDED.revision
                            WHERE school.revision < EXCLUDED.revision""")) {
                        ps.setString(1, e.schoolCode());
                        ps.setString(2, e.school().name() == null ? e.schoolCode() : e.school().name());
                        ps.setString(3, e.school().countyCode());
                        ps.setString(4, e.school().type() == null ? "PRIMARY" : e.school().type());
                        ps.setString(5, e.school().location() == null ? "URBAN" : e.school().location());
                        ps.setLong(6, e.revision());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    private static boolean firstTime(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO processed_event (event_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, eventId);
            return ps.executeUpdate() == 1;
        }
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
