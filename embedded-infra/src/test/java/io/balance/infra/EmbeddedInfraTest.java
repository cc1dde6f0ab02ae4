package io.balance.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The embedded infrastructure is real: SQL runs on PostgreSQL, records go through a Kafka broker. */
class EmbeddedInfraTest {

    @Test
    void postgresRunsSqlAndCreatesDatabases() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedInfra.postgres();
        postgres.ensureDatabase("school");
        postgres.ensureDatabase("school"); // idempotent
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("school"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database(), version()")) {
            assertTrue(rs.next());
            assertEquals("school", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL 17"), rs.getString(2));
        }
    }

    @Test
    void aKeptClusterCommitsDurably(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // the local run's cluster (kept between runs): an acknowledged commit is on disk
        EmbeddedPostgresServer kept = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
        try (Connection c = DriverManager.getConnection(kept.jdbcUrl("postgres"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('synchronous_commit'), current_setting('fsync')")) {
            assertTrue(rs.next());
            assertEquals("on", rs.getString(1));
            assertEquals("on", rs.getString(2));
        } finally {
            kept.close();
        }
    }

    @Test
    void kafkaDeliversAndSurvivesARestart() throws Exception {
        EmbeddedKafkaBroker kafka = EmbeddedInfra.kafka();
        String topic = "infra-test-" + UUID.randomUUID();
        produce(kafka, topic, "before");
        kafka.stop();
        assertFalse(kafka.running());
        assertFalse(Ports.listening(kafka.port()));
        kafka.start();
        produce(kafka, topic, "after");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> seen.add(r.value()));
            }
            assertEquals(List.of("before", "after"), seen, "records written before the restart are kept");
        }
    }

    @Test
    void mintedTokensHaveThreeParts() {
        String token = EmbeddedInfra.keys().mint("admin", "SYSTEM_ADMIN", null);
        assertEquals(3, token.split("\\.").length);
    }

    private static void produce(EmbeddedKafkaBroker kafka, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }
}
