package io.balance.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
    @Test
    void theDeploymentsSecuritySettingsReachTheClient() {
        Map<String, String> config = Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"b\";",
                "kafka.ssl.truststore.type", "PEM",
                "kafka.ssl.truststore.location", "/etc/balance/kafka-ca/ca.crt",
                "kafka.bootstrap.servers", "not-mine:9093");
        Properties client = new Properties();
        client.put("bootstrap.servers", "b:9093");
        KafkaConnection.apply(client, k -> Optional.ofNullable(config.get(k)));
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
        assertEquals(config.get("kafka.sasl.jaas.config"), client.get("sasl.jaas.config"));
        assertEquals("PEM", client.get("ssl.truststore.type"));
        assertEquals("/etc/balance/kafka-ca/ca.crt", client.get("ssl.truststore.location"));
        assertEquals("b:9093", client.get("bootstrap.servers"), "bootstrap stays the caller's");
        assertEquals(6, client.size());
    }

    @Test
    void theLocalRunAddsNothing() {
        Properties client = new Properties();
        KafkaConnection.apply(client, k -> Optional.empty());
        assertEquals(0, client.size());
    }
}
