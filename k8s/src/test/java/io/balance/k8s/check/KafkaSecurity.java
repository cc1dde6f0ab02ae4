package io.balance.k8s.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka is reached over TLS with SCRAM-SHA-512 only, each service as its own {@code KafkaUser} whose ACLs let it
 * write exactly its own topics and read exactly what it consumes; credentials and the cluster CA come from the
 * Secrets Strimzi creates.
 */
final class KafkaSecurity {
    static final int LISTENER_PORT = 9093;

    private KafkaSecurity() {
    }

    /** The broker side: no listener without TLS and authentication, an authorizer, and the users' ACLs. */
    static void check(Doc kafka, List<Doc> docs, List<WiringChecks.Service> services, List<String> v) {
        for (Map<String, Object> l : kafka.list("spec.kafka.listeners")) {
            if (!Boolean.TRUE.equals(l.get("tls")) || Doc.get(l, "authentication.type") == null) {
                v.add(kafka.id() + ": listener " + l.get("name") + " must use TLS and authentication (no plaintext, no anonymous clients)");
            }
        }
        if (Doc.str(kafka.tree(), "spec.kafka.authorization.type") == null) {
            v.add(kafka.id() + ": spec.kafka.authorization missing: without an authorizer every user may write every topic");
        }
        if (kafka.get("spec.entityOperator.userOperator") == null) {
            v.add(kafka.id() + ": the User Operator must run (it turns KafkaUsers into credentials and ACLs)");
        }
        Map<String, Set<String>> writers = KafkaAcls.writers(docs);
        Map<String, Set<String>> readers = KafkaAcls.readers(docs);
        writers.forEach((user, topics) -> topics.forEach(topic -> {
            if (!user.equals(topic.startsWith("<") ? null : KafkaAcls.owner(topic))) {
                v.add("KafkaUser/" + user + ": may write " + topic + ", a topic of "
                        + (topic.startsWith("<") ? "any service" : KafkaAcls.owner(topic)));
            }
        }));
        for (WiringChecks.Service s : services) {
            if (!s.kafka()) {
                if (writers.containsKey(s.name())) {
                    v.add("KafkaUser/" + s.name() + ": " + s.name() + " does not use Kafka");
                }
                continue;
            }
            Set<String> own = new TreeSet<>(KafkaAcls.topics().stream().filter(t -> KafkaAcls.owner(t).equals(s.name())).toList());
            if (!writers.containsKey(s.name())) {
                v.add("KafkaUser/" + s.name() + " missing");
                continue;
            }
            if (!writers.get(s.name()).containsAll(own)) {
                v.add("KafkaUser/" + s.name() + ": cannot write its own topics " + own + " (may write " + writers.get(s.name()) + ")");
            }
            Set<String> consumes = new TreeSet<>(s.consumes());
            if (!readers.get(s.name()).equals(consumes)) {
                v.add("KafkaUser/" + s.name() + ": must read exactly " + consumes + " (may read " + readers.get(s.name()) + ")");
            }
        }
    }

    /** The client side of one Deployment: SASL_SSL, its own user's Secret, the cluster CA mounted read-only. */
    static void client(String id, WiringChecks.Service s, Doc dep, Map<String, Object> container,
                       Map<String, WiringChecks.Env> env, Doc kafka, List<Doc> docs, List<String> v) {
        WiringChecks.expectLiteral(id, env, "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", v);
        WiringChecks.expectLiteral(id, env, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", v);
        WiringChecks.Env jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
        if (jaas == null || !s.name().equals(jaas.secret()) || !"sasl.jaas.config".equals(jaas.key())) {
            v.add(id + ": KAFKA_SASL_JAAS_CONFIG must come from its KafkaUser's Secret " + s.name()
                    + " key sasl.jaas.config (is " + jaas + ")");
        }
        Optional<Doc> user = WiringChecks.find(docs, "KafkaUser", s.name());
        if (user.isPresent() && !"scram-sha-512".equals(user.get().str("spec.authentication.type"))) {
            v.add(user.get().id() + ": authentication must be scram-sha-512 (the listener's)");
        }
        WiringChecks.Env location = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
        if (location == null || location.value() == null || !location.value().startsWith("/")) {
            v.add(id + ": KAFKA_SSL_TRUSTSTORE_LOCATION must be the path of the mounted cluster CA (is " + location + ")");
        } else {
            // Kafka takes a path, not a file: URL; mountedKey wants the file: form
            WiringChecks.mountedKey(id, dep, container, Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION",
                    new WiringChecks.Env("file:" + location.value(), null, null)), "KAFKA_SSL_TRUSTSTORE_LOCATION", v);
            String dir = location.value().substring(0, location.value().lastIndexOf('/'));
            String volume = Doc.list(container, "volumeMounts").stream().filter(m -> dir.equals(m.get("mountPath")))
                    .map(m -> String.valueOf(m.get("name"))).findFirst().orElse(null);
            String secret = dep.list("spec.template.spec.volumes").stream().filter(vol -> Objects.equals(volume, vol.get("name")))
                    .map(vol -> Doc.str(vol, "secret.secretName")).filter(Objects::nonNull).findFirst().orElse(null);
            if (!(kafka.name() + "-cluster-ca-cert").equals(secret)) {
                v.add(id + ": the truststore must be Strimzi's cluster CA Secret " + kafka.name() + "-cluster-ca-cert (is " + secret + ")");
            }
        }
        WiringChecks.expectLiteral(id, env, "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM", v);
    }
}
