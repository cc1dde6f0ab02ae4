package io.balance.k8s;

import io.balance.k8s.check.Doc;
import io.balance.k8s.check.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands of k8s/README.md (deploying, the upgrade and restore runbooks) name resources that exist: every
 * {@code kind/name} a {@code kubectl} command addresses in namespace {@code balance} (shell loops expanded) is in the
 * rendered prod overlay or created by the runbook itself; every manifest the runbook applies passes the schema
 * checks and refers to a cluster and an object store of the overlay; every path it names exists.
 */
class RunbookTest {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^( *)```(sh|yaml)\\n(.*?)^\\1```");
    private static final Pattern LOOP = Pattern.compile("(?s)for (\\w+) in ([^;]+); do\\n(.*?)\\n\\s*done");
    private static final Pattern HEREDOC = Pattern.compile("(?s)<<'?YAML'?\\n(.*?)\\nYAML");
    private static final Pattern REF = Pattern.compile(
            "\\b(deploy|deployment|cluster|kafka|kafkatopic|kafkauser|objectstore|scheduledbackup|backup|svc|service)/([a-z0-9][a-z0-9.-]*)");
    private static final Pattern PATH = Pattern.compile("`((?:k8s/)?(?:base|overlays)/[\\w./-]+)`");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("deploy", "Deployment"),
            Map.entry("deployment", "Deployment"), Map.entry("cluster", "Cluster"), Map.entry("kafka", "Kafka"),
            Map.entry("kafkatopic", "KafkaTopic"), Map.entry("kafkauser", "KafkaUser"), Map.entry("objectstore", "ObjectStore"),
            Map.entry("scheduledbackup", "ScheduledBackup"), Map.entry("backup", "Backup"), Map.entry("svc", "Service"),
            Map.entry("service", "Service"));

    @Test
    void everyResourceTheRunbookNamesExists() throws Exception {
        String readme = Files.readString(RenderedOverlays.K8S.resolve("README.md"));
        List<Doc> prod = new ArrayList<>(RenderedOverlays.render(RenderedOverlays.K8S.resolve("overlays/prod")));
        SchemaValidator schemas = new SchemaValidator();
        List<String> v = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        int manifests = 0;
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            String indent = block.group(1);
            String body = block.group(3).replaceAll("(?m)^" + indent, "");
            String expanded = expandLoops(body);
            List<String> yamls = new ArrayList<>();
            if (block.group(2).equals("yaml")) {
                yamls.add(body);
            } else {
                Matcher h = HEREDOC.matcher(expanded);
                while (h.find()) {
                    yamls.add(h.group(1));
                }
                commands.add(HEREDOC.matcher(expanded).replaceAll(""));
            }
            for (String yaml : yamls) {
                for (Doc d : Doc.parseAll(yaml)) {
                    manifests++;
                    v.addAll(schemas.validate(d));
                    if (!"balance".equals(d.namespace())) {
                        v.add(d.id() + ": the runbook works in namespace balance (is " + d.namespace() + ")");
                    }
                    references(d, prod, v);
                    prod.add(d); // created by the runbook: later commands may name it
                }
            }
        }
        int refs = 0;
        for (String sh : commands) {
            for (String line : sh.split("\\n")) {
                if (!line.contains("kubectl") || !line.matches(".*-n balance(\\s.*)?")) {
                    continue;
                }
                Matcher ref = REF.matcher(line);
                while (ref.find()) {
                    refs++;
                    String kind = KINDS.get(ref.group(1));
                    String name = ref.group(2);
                    if (prod.stream().noneMatch(d -> d.is(kind) && name.equals(d.name()))) {
                        v.add("README: `" + line.strip() + "` names " + kind + "/" + name + ", which the prod overlay does not render");
                    }
                }
            }
        }
        Matcher path = PATH.matcher(readme);
        while (path.find()) {
            String p = path.group(1).replaceFirst("^k8s/", "");
            if (!Files.exists(RenderedOverlays.K8S.resolve(p))) {
                v.add("README: path " + path.group(1) + " does not exist");
            }
        }
        assertEquals(List.of(), v);
        assertTrue(manifests >= 5, "the runbook's manifests were read: " + manifests);
        assertTrue(refs >= 15, "the runbook's commands were read: " + refs);
    }

    /** A manifest the runbook applies must build on resources of the overlay. */
    private static void references(Doc d, List<Doc> prod, List<String> v) {
        if (d.is("Backup") && find(prod, "Cluster", d.str("spec.cluster.name")) == null) {
            v.add(d.id() + ": backs up Cluster " + d.str("spec.cluster.name") + ", which the overlay does not have");
        }
        if (d.is("Cluster") && d.get("spec.bootstrap.recovery") != null) {
            String source = d.str("spec.bootstrap.recovery.source");
            Map<String, Object> origin = d.list("spec.externalClusters").stream()
                    .filter(e -> Objects.equals(source, e.get("name"))).findFirst().orElse(null);
            if (origin == null) {
                v.add(d.id() + ": recovery source " + source + " is not one of its externalClusters");
                return;
            }
            String store = Doc.str(origin, "plugin.parameters.barmanObjectName");
            String server = Doc.str(origin, "plugin.parameters.serverName");
            Doc objectStore = find(prod, "ObjectStore", store);
            Doc cluster = find(prod, "Cluster", server);
            if (objectStore == null || cluster == null) {
                v.add(d.id() + ": restores from ObjectStore " + store + " / server " + server + ", not both in the overlay");
            } else if (!Objects.equals(store, Doc.str(cluster.list("spec.plugins").get(0), "parameters.barmanObjectName"))) {
                v.add(d.id() + ": " + server + " archives to " + Doc.str(cluster.list("spec.plugins").get(0), "parameters.barmanObjectName")
                        + ", not " + store);
            }
        }
    }

    private static Doc find(List<Doc> docs, String kind, String name) {
        return docs.stream().filter(d -> d.is(kind) && Objects.equals(name, d.name())).findFirst().orElse(null);
    }

    /** {@code for x in a b; do ...$x...; done} → the body once per value. */
    static String expandLoops(String sh) {
        Matcher m = LOOP.matcher(sh);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder bodies = new StringBuilder();
            for (String value : m.group(2).trim().split("\\s+")) {
                bodies.append(m.group(3).replace("${" + m.group(1) + "}", value).replace("$" + m.group(1), value)).append('\n');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(bodies.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void documentedSecretsAreTheOnesTheDeploymentsNeed() throws Exception {
        // the README's create-secret commands: each is referenced somewhere (no stale instructions)
        Map<String, Boolean> used = new LinkedHashMap<>();
        Matcher m = Pattern.compile("create\\s+secret\\s+(?:generic|tls)\\s+([a-z0-9-]+)")
                .matcher(Files.readString(RenderedOverlays.K8S.resolve("README.md")));
        List<Doc> prod = RenderedOverlays.render(RenderedOverlays.K8S.resolve("overlays/prod"));
        String rendered = Doc.YAML.writeValueAsString(prod.stream().map(Doc::tree).toList());
        while (m.find()) {
            used.put(m.group(1), rendered.contains(m.group(1)));
        }
        assertTrue(used.size() >= 5, used.toString());
        assertTrue(used.values().stream().allMatch(b -> b), "documented but unused: " + used);
    }
}
