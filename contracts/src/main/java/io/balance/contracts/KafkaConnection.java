package io.balance.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a service connects to the cluster's Kafka, beside {@code kafka.bootstrap.servers}: the security settings a
 * deployment provides (k8s: TLS + SCRAM-SHA-512 as the service's own KafkaUser; the local run and the tests:
 * none, a plaintext broker on loopback). Every Kafka client of a service takes them, so the producer of the outbox
 * and the consumers authenticate alike. Environment names by MicroProfile Config's mapping:
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
 * {@code KAFKA_SSL_TRUSTSTORE_TYPE}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}.
 */
public final class KafkaConnection {
    /** The client settings taken from the configuration, each under {@code kafka.} + its Kafka name. */
    public static final List<String> SETTINGS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.location", "ssl.truststore.password", "ssl.endpoint.identification.algorithm");

    private KafkaConnection() {
    }

    /**
     * Puts the configured security settings into a client's properties.
     *
     * @param config property name → its value, e.g. {@code k -> config.getOptionalValue(k, String.class)}
     */
    public static void apply(Map<Object, Object> clientProperties, Function<String, Optional<String>> config) {
        for (String setting : SETTINGS) {
            config.apply("kafka." + setting).filter(v -> !v.isBlank()).ifPresent(v -> clientProperties.put(setting, v));
        }
    }
}
