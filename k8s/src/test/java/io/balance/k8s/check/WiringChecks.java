package io.balance.k8s.check;

import io.balance.contracts.Topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's own wiring as docs/architecture.md fixes it: each service reaches its database through
 * the CloudNativePG "-rw" Service with the operator's app credentials, Kafka through the Strimzi bootstrap
 * Service, keys through mounted Secrets; the gateway finds the services; every topic of
 * {@link Topics} exists; databases are backed up; and the network policies allow exactly the intended paths.
 */
public final class WiringChecks {
    /**
     * The architecture's module table; {@code consumes}: the topics the service reads (it writes exactly the topics
     * named after it, {@link KafkaAcls#owner}).
     */
    public record Service(String name, int port, String database, boolean kafka, List<String> consumes) {
    }

    private static final List<String> SCHOOL_TOPICS = List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY, Topics.SCHOOL_REPORTS);
    /** Every service checks tokens against the gateway's revocations (io.balance.kit.revocation); the gateway only writes them. */
    public static final List<Service> SERVICES = List.of(
            new Service("school-service", 8081, "school", true, List.of(Topics.TOKEN_REVOCATIONS)),
            new Service("indicator-service", 8082, "indicator", true,
                    List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY, Topics.SCHOOL_REPORTS, Topics.SURVEY_RESULTS,
                            Topics.SUPERVISION_REVIEWS, Topics.TOKEN_REVOCATIONS)),
            new Service("survey-service", 8083, "survey", true,
                    List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY, Topics.TOKEN_REVOCATIONS)),
            new Service("supervision-service", 8084, "supervision", true,
                    List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY, Topics.SCHOOL_REPORTS, Topics.INDICATOR_EVALUATIONS,
                            Topics.TOKEN_REVOCATIONS)),
            new Service("gateway", 8080, "gateway", true, List.of()));
    /** Quarkus' management interface (quarkus.management.port): health and metrics, never routed. */
    public static final int MANAGEMENT_PORT = 9000;
    static final String GATEWAY = "gateway";
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";

    /** A value of the container environment: a literal, or a reference to a Secret key. */
    record Env(String value, String secret, String key) {
    }

    private WiringChecks() {
    }

    public static List<String> check(List<Doc> docs) {
        List<String> v = new ArrayList<>();
        Optional<Doc> kafka = docs.stream().filter(d -> d.is("Kafka")).findFirst();
        if (kafka.isEmpty()) {
            v.add("no Strimzi Kafka resource");
        }
        String bootstrap = kafka.flatMap(k -> k.list("spec.kafka.listeners").stream()
                        .filter(l -> "internal".equals(l.get("type")) && Boolean.TRUE.equals(l.get("tls"))
                                && "scram-sha-512".equals(Doc.str(l, "authentication.type"))).findFirst()
                        .map(l -> k.name() + "-kafka-bootstrap:" + l.get("port")))
                .orElse(null);
        kafka.ifPresent(k -> kafka(k, docs, v));
        kafka.ifPresent(k -> KafkaSecurity.check(k, docs, SERVICES, v));

        for (Service s : SERVICES) {
            Optional<Doc> dep = find(docs, "Deployment", s.name());
            if (dep.isEmpty()) {
                v.add("Deployment/" + s.name() + " missing");
                continue;
            }
            Map<String, Object> container = dep.get().list("spec.template.spec.containers").stream()
                    .filter(c -> s.name().equals(c.get("name"))).findFirst().orElse(Map.of());
            Map<String, Env> env = env(container, docs);
            String id = "Deployment/" + s.name();
            if (Doc.list(container, "ports").stream().noneMatch(p -> Objects.equals(p.get("containerPort"), s.port()))) {
                v.add(id + ": does not listen on its port " + s.port());
            }
            database(id, s, env, docs, v);
            if (s.kafka()) {
                expectLiteral(id, env, "KAFKA_BOOTSTRAP_SERVERS", bootstrap, v);
                kafka.ifPresent(k -> KafkaSecurity.client(id, s, dep.get(), container, env, k, docs, v));
            } else if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                v.add(id + ": does not use Kafka but gets KAFKA_BOOTSTRAP_SERVERS");
            }
            mountedKey(id, dep.get(), container, env, "MP_JWT_VERIFY_PUBLICKEY_LOCATION", v);
            if (s.name().equals("survey-service")) {
                // printed into the invitations' QR codes: parents must reach the questionnaire at the public host
                String host = find(docs, "Ingress", GATEWAY).map(i -> Doc.str(i.list("spec.rules").get(0), "host")).orElse(null);
                expectLiteral(id, env, "BALANCE_PUBLIC_URL", "https://" + host, v);
            }
            find(docs, "Service", s.name()).ifPresentOrElse(svc -> {
                if (svc.list("spec.ports").stream().noneMatch(p -> Objects.equals(p.get("port"), s.port()))) {
                    v.add("Service/" + s.name() + ": does not expose port " + s.port());
                }
            }, () -> v.add("Service/" + s.name() + " missing"));
            if (s.name().equals(GATEWAY)) {
                mountedKey(id, dep.get(), container, env, "SMALLRYE_JWT_SIGN_KEY_LOCATION", v);
                Env admin = env.get("BALANCE_ADMIN_PASSWORD");
                if (admin == null || admin.secret() == null) {
                    v.add(id + ": BALANCE_ADMIN_PASSWORD must come from a Secret");
                }
                for (Service target : SERVICES) {
                    if (!target.name().equals(GATEWAY)) {
                        String var = "BALANCE_SERVICES_" + target.database().toUpperCase() + "_URL";
                        expectLiteral(id, env, var, "http://" + target.name() + ":" + target.port(), v);
                    }
                }
            } else if (env.containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION")) {
                v.add(id + ": only the gateway may hold the signing key");
            }
        }
        network(docs, kafka.orElse(null), v);
        return v;
    }

    private static void database(String id, Service s, Map<String, Env> env, List<Doc> docs, List<String> v) {
        String cluster = s.database() + "-db";
        Optional<Doc> db = find(docs, "Cluster", cluster);
        if (db.isEmpty()) {
            v.add(id + ": its CloudNativePG Cluster " + cluster + " is missing");
            return;
        }
        String dbName = db.get().str("spec.bootstrap.initdb.database");
        if (!s.database().equals(dbName)) {
            v.add(db.get().id() + ": initdb database must be " + s.database() + " (is " + dbName + ")");
        }
        expectLiteral(id, env, "QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://" + cluster + "-rw:5432/" + s.database(), v);
        for (String[] cred : new String[][] {{"QUARKUS_DATASOURCE_USERNAME", "username"}, {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
            Env e = env.get(cred[0]);
            if (e == null || !(cluster + "-app").equals(e.secret()) || !cred[1].equals(e.key())) {
                v.add(id + ": " + cred[0] + " must come from Secret " + cluster + "-app key " + cred[1] + " (is " + e + ")");
            }
        }
        backup(db.get(), docs, v);
    }

    private static void backup(Doc cluster, List<Doc> docs, List<String> v) {
        boolean inTree = cluster.get("spec.backup.barmanObjectStore") != null;
        Optional<String> store = cluster.list("spec.plugins").stream()
                .filter(p -> "barman-cloud.cloudnative-pg.io".equals(p.get("name")) && Boolean.TRUE.equals(p.get("isWALArchiver")))
                .map(p -> Doc.str(p, "parameters.barmanObjectName")).filter(Objects::nonNull).findFirst();
        if (!inTree && store.isEmpty()) {
            v.add(cluster.id() + ": no backup (Barman Cloud plugin as WAL archiver, or spec.backup.barmanObjectStore)");
        }
        store.ifPresent(name -> {
            Optional<Doc> os = find(docs, "ObjectStore", name);
            if (os.isEmpty()) {
                v.add(cluster.id() + ": ObjectStore " + name + " missing");
            } else if (os.get().get("spec.configuration.s3Credentials") == null
                    && os.get().get("spec.configuration.azureCredentials") == null
                    && os.get().get("spec.configuration.googleCredentials") == null) {
                v.add(os.get().id() + ": no credentials reference");
            }
        });
        boolean scheduled = docs.stream().anyMatch(b -> b.is("ScheduledBackup") && cluster.name().equals(b.str("spec.cluster.name"))
                && (inTree || ("plugin".equals(b.str("spec.method")) && "barman-cloud.cloudnative-pg.io".equals(b.str("spec.pluginConfiguration.name")))));
        if (!scheduled) {
            v.add(cluster.id() + ": no ScheduledBackup with its backup method");
        }
    }

    private static void kafka(Doc k, List<Doc> docs, List<String> v) {
        Map<String, Object> ann = k.map("metadata.annotations");
        if (!"enabled".equals(ann.get("strimzi.io/node-pools")) || !"enabled".equals(ann.get("strimzi.io/kraft"))) {
            v.add(k.id() + ": must run in KRaft mode with node pools (annotations strimzi.io/kraft, strimzi.io/node-pools)");
        }
        if (k.get("spec.zookeeper") != null) {
            v.add(k.id() + ": ZooKeeper is not used");
        }
        List<Doc> pools = docs.stream().filter(p -> p.is("KafkaNodePool")
                && k.name().equals(String.valueOf(p.map("metadata.labels").get("strimzi.io/cluster")))).toList();
        int brokers = pools.stream().filter(p -> p.list("spec.roles").toString().contains("broker"))
                .mapToInt(p -> ((Number) p.get("spec.replicas")).intValue()).sum();
        int controllers = pools.stream().filter(p -> p.list("spec.roles").toString().contains("controller"))
                .mapToInt(p -> ((Number) p.get("spec.replicas")).intValue()).sum();
        if (brokers < 1 || controllers < 1) {
            v.add(k.id() + ": needs KafkaNodePools with broker and controller roles (has " + brokers + " brokers, " + controllers + " controllers)");
        }
        if (controllers % 2 == 0 && controllers > 0) {
            v.add(k.id() + ": an even number of KRaft controllers (" + controllers + ") tolerates no more failures than one fewer");
        }
        Map<String, Object> config = k.map("spec.kafka.config");
        if (!"false".equals(String.valueOf(config.get("auto.create.topics.enable")))) {
            v.add(k.id() + ": auto.create.topics.enable must be false (topics are KafkaTopic resources)");
        }
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
            Object rf = config.get(key);
            if (rf == null || Integer.parseInt(String.valueOf(rf)) > brokers) {
                v.add(k.id() + ": " + key + " " + rf + " does not fit " + brokers + " broker(s)");
            }
        }
        List<String> topicNames = KafkaAcls.topics();
        for (String topic : topicNames) {
            Optional<Doc> t = docs.stream().filter(d -> d.is("KafkaTopic")
                    && topic.equals(d.str("spec.topicName") == null ? d.name() : d.str("spec.topicName"))).findFirst();
            if (t.isEmpty()) {
                v.add("KafkaTopic for " + topic + " (io.balance.contracts.Topics) missing");
                continue;
            }
            Doc d = t.get();
            if (!k.name().equals(String.valueOf(d.map("metadata.labels").get("strimzi.io/cluster")))) {
                v.add(d.id() + ": label strimzi.io/cluster must name " + k.name());
            }
            int replicas = d.get("spec.replicas") instanceof Number n ? n.intValue() : -1;
            int minIsr = Integer.parseInt(String.valueOf(d.map("spec.config").getOrDefault("min.insync.replicas", "1")));
            if (replicas < 1 || replicas > brokers) {
                v.add(d.id() + ": replicas " + replicas + " does not fit " + brokers + " broker(s)");
            } else if (replicas > 1 && minIsr >= replicas) {
                v.add(d.id() + ": min.insync.replicas " + minIsr + " >= replicas " + replicas + ": one broker down stops all writes");
            } else if (replicas > 1 && minIsr < 2) {
                v.add(d.id() + ": min.insync.replicas " + minIsr + " lets an acknowledged write live on one broker only");
            }
            if (!(d.get("spec.partitions") instanceof Number)) {
                v.add(d.id() + ": partitions must be set explicitly");
            }
            if (d.map("spec.config").get("cleanup.policy") == null) {
                v.add(d.id() + ": cleanup.policy must be chosen explicitly");
            }
        }
    }

    /** The intended paths must be open, and a few unintended ones must be closed. */
    private static void network(List<Doc> docs, Doc kafka, List<String> v) {
        List<Doc> withStrimzi = new ArrayList<>(docs);
        if (kafka != null) {
            withStrimzi.add(strimziListenerPolicy(kafka));
        }
        NetworkModel net = new NetworkModel(withStrimzi);
        Map<String, NetworkModel.Pod> pods = new HashMap<>();
        String ns = null;
        for (Service s : SERVICES) {
            Optional<Doc> dep = find(docs, "Deployment", s.name());
            if (dep.isPresent()) {
                ns = dep.get().namespace();
                pods.put(s.name(), new NetworkModel.Pod(ns, dep.get().map("spec.template.metadata.labels")));
            }
        }
        if (pods.size() != SERVICES.size()) {
            return; // already reported
        }
        NetworkModel.Pod ingress = new NetworkModel.Pod(INGRESS_NAMESPACE, Map.of("app.kubernetes.io/name", "ingress-nginx"));
        NetworkModel.Pod prometheus = new NetworkModel.Pod(MONITORING_NAMESPACE, Map.of("app.kubernetes.io/name", "prometheus"));
        NetworkModel.Pod dns = new NetworkModel.Pod("kube-system", Map.of("k8s-app", "kube-dns"));
        NetworkModel.Pod intruder = new NetworkModel.Pod(ns, Map.of("app.kubernetes.io/name", "intruder"));
        NetworkModel.Pod broker = new NetworkModel.Pod(ns, kafka == null ? Map.of() : Map.of(
                "strimzi.io/cluster", kafka.name(), "strimzi.io/kind", "Kafka", "strimzi.io/name", kafka.name() + "-kafka",
                "strimzi.io/broker-role", "true"));
        NetworkModel.Pod gateway = pods.get(GATEWAY);

        expect(net, ingress, GATEWAY, gateway, 8080, true, v);
        expect(net, ingress, GATEWAY, gateway, MANAGEMENT_PORT, false, v);
        expect(net, intruder, GATEWAY, gateway, 8080, false, v);
        for (Service s : SERVICES) {
            NetworkModel.Pod pod = pods.get(s.name());
            NetworkModel.Pod db = new NetworkModel.Pod(pod.namespace(), Map.of("cnpg.io/cluster", s.database() + "-db", "cnpg.io/podRole", "instance"));
            expect(net, pod, s.name(), db, s.database() + "-db", 5432, true, v);
            expect(net, intruder, "intruder", db, s.database() + "-db", 5432, false, v);
            expect(net, prometheus, "prometheus", pod, s.name(), MANAGEMENT_PORT, true, v);
            expect(net, prometheus, "prometheus", pod, s.name(), s.port(), false, v);
            if (!net.allowed(pod, dns, "UDP", 53) || !net.allowed(pod, dns, "TCP", 53)) {
                v.add("network: " + s.name() + " cannot resolve names (DNS egress to kube-dns)");
            }
            expect(net, pod, s.name(), broker, "kafka broker", KafkaSecurity.LISTENER_PORT, s.kafka(), v);
            if (!s.name().equals(GATEWAY)) {
                expect(net, gateway, GATEWAY, pod, s.name(), s.port(), true, v);
                expect(net, ingress, "ingress controller", pod, s.name(), s.port(), false, v);
                expect(net, gateway, GATEWAY, pod, s.name(), MANAGEMENT_PORT, false, v);
                expect(net, intruder, "intruder", pod, s.name(), s.port(), false, v);
                expect(net, pod, s.name(), gateway, GATEWAY, 8080, false, v);
                for (Service other : SERVICES) {
                    if (other != s) {
                        NetworkModel.Pod otherDb = new NetworkModel.Pod(pod.namespace(), Map.of("cnpg.io/cluster", other.database() + "-db"));
                        expect(net, pod, s.name(), otherDb, other.database() + "-db", 5432, false, v);
                    }
                }
            }
        }
    }

    /**
     * The NetworkPolicy the Strimzi operator generates for the brokers' listeners: each listener's port is open
     * to its networkPolicyPeers (to everyone when it has none). Replication and operator ports are Strimzi's own.
     */
    static Doc strimziListenerPolicy(Doc kafka) {
        List<Object> ingress = new ArrayList<>();
        for (Map<String, Object> l : kafka.list("spec.kafka.listeners")) {
            Object peers = l.get("networkPolicyPeers");
            ingress.add(Map.of("from", peers == null ? List.of() : peers,
                    "ports", List.of(Map.of("protocol", "TCP", "port", l.get("port")))));
        }
        return new Doc(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", Map.of("name", kafka.name() + "-network-policy-kafka", "namespace", String.valueOf(kafka.namespace())),
                "spec", Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", kafka.name(),
                                "strimzi.io/kind", "Kafka", "strimzi.io/name", kafka.name() + "-kafka")),
                        "policyTypes", List.of("Ingress"), "ingress", ingress)));
    }

    private static void expect(NetworkModel net, NetworkModel.Pod from, String fromName, NetworkModel.Pod to, int port,
                               boolean allowed, List<String> v) {
        expect(net, from, fromName, to, String.valueOf(to.labels().get("app.kubernetes.io/name")), port, allowed, v);
    }

    private static void expect(NetworkModel net, NetworkModel.Pod from, String fromName, NetworkModel.Pod to, String toName,
                               int port, boolean allowed, List<String> v) {
        if (net.allowed(from, to, "TCP", port) != allowed) {
            v.add("network: " + fromName + " (" + from.namespace() + ") " + (allowed ? "cannot reach " : "can reach ")
                    + toName + ":" + port);
        }
    }

    static void expectLiteral(String id, Map<String, Env> env, String name, String expected, List<String> v) {
        Env e = env.get(name);
        if (e == null || !Objects.equals(expected, e.value())) {
            v.add(id + ": " + name + " must be " + expected + " (is " + (e == null ? "unset" : e.value()) + ")");
        }
    }

    /** The KEY=file:/dir/name location must be a file of a Secret volume mounted read-only at /dir. */
    static void mountedKey(String id, Doc dep, Map<String, Object> container, Map<String, Env> env, String name, List<String> v) {
        Env e = env.get(name);
        if (e == null || e.value() == null || !e.value().startsWith("file:/")) {
            v.add(id + ": " + name + " must be a file: location (is " + e + ")");
            return;
        }
        String path = e.value().substring("file:".length());
        String dir = path.substring(0, path.lastIndexOf('/'));
        String file = path.substring(path.lastIndexOf('/') + 1);
        Optional<Map<String, Object>> mount = Doc.list(container, "volumeMounts").stream()
                .filter(m -> dir.equals(m.get("mountPath"))).findFirst();
        Optional<Map<String, Object>> volume = mount.flatMap(m -> dep.list("spec.template.spec.volumes").stream()
                .filter(vol -> Objects.equals(vol.get("name"), m.get("name"))).findFirst());
        boolean ok = volume.isPresent() && volume.get().get("secret") != null
                && Boolean.TRUE.equals(mount.get().get("readOnly"))
                && Doc.list(volume.get(), "secret.items").stream().anyMatch(i -> file.equals(i.get("path")));
        if (!ok) {
            v.add(id + ": " + name + " " + path + " is not a key of a Secret volume mounted read-only at " + dir);
        }
    }

    /** The container's environment: env entries over envFrom ConfigMaps, as the kubelet builds it. */
    static Map<String, Env> env(Map<String, Object> container, List<Doc> docs) {
        Map<String, Env> env = new HashMap<>();
        for (Map<String, Object> from : Doc.list(container, "envFrom")) {
            String cm = Doc.str(from, "configMapRef.name");
            find(docs, "ConfigMap", cm).ifPresent(c -> c.map("data").forEach((k, val) -> env.put(k, new Env(String.valueOf(val), null, null))));
        }
        for (Map<String, Object> e : Doc.list(container, "env")) {
            String name = String.valueOf(e.get("name"));
            if (e.get("value") != null) {
                env.put(name, new Env(String.valueOf(e.get("value")), null, null));
            } else if (Doc.get(e, "valueFrom.secretKeyRef") != null) {
                env.put(name, new Env(null, Doc.str(e, "valueFrom.secretKeyRef.name"), Doc.str(e, "valueFrom.secretKeyRef.key")));
            }
        }
        return env;
    }

    static Optional<Doc> find(List<Doc> docs, String kind, String name) {
        return docs.stream().filter(d -> d.is(kind) && Objects.equals(name, d.name())).findFirst();
    }
}
