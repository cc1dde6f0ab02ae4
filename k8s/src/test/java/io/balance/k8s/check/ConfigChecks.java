package io.balance.k8s.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service gets from its Deployment everything its production configuration requires ({@link ServiceConfig}),
 * and every Secret a Deployment references exists: created by an operator from a resource of the overlay
 * (CloudNativePG {@code <cluster>-app}, Strimzi {@code <user>} and {@code <kafka>-cluster-ca-cert}) or listed in
 * k8s/README.md with the {@code kubectl create secret} command the operator of the cluster runs.
 */
public final class ConfigChecks {
    /** The repository root: the parent of the k8s module. */
    static final Path REPO = Path.of(System.getProperty("balance.k8s.dir", ".")).toAbsolutePath().normalize().getParent();
    private static final Pattern DOCUMENTED = Pattern.compile(
            "kubectl\\s+(?:-n\\s+\\S+\\s+)?create\\s+secret\\s+(?:generic|tls)\\s+([a-z0-9][a-z0-9.-]*)");

    private ConfigChecks() {
    }

    public static List<String> check(List<Doc> docs) {
        return check(docs, REPO);
    }

    static List<String> check(List<Doc> docs, Path repo) {
        List<String> v = new ArrayList<>();
        Set<String> documented = documentedSecrets(repo.resolve("k8s/README.md"));
        Set<String> operatorMade = operatorSecrets(docs);
        for (Doc d : docs) {
            if (!d.is("Deployment")) {
                continue;
            }
            Path module = repo.resolve(d.name());
            for (Map<String, Object> c : d.list("spec.template.spec.containers")) {
                Map<String, WiringChecks.Env> env = WiringChecks.env(c, docs);
                if (Files.isDirectory(module) && d.name().equals(c.get("name"))) {
                    for (ServiceConfig.Requirement r : ServiceConfig.required(module)) {
                        if (!env.containsKey(r.env())) {
                            v.add(d.id() + ": " + r.env() + " is not provided (" + r.because() + ")");
                        }
                    }
                }
            }
            for (String secret : referencedSecrets(d)) {
                if (!operatorMade.contains(secret) && !documented.contains(secret)
                        && docs.stream().noneMatch(s -> s.is("Secret") && secret.equals(s.name()))) {
                    v.add(d.id() + ": Secret " + secret + " is neither created by the overlay nor documented in "
                            + "k8s/README.md with its `kubectl create secret` command");
                }
            }
        }
        return v;
    }

    /** Secrets a Deployment's pods need: env and envFrom references, secret and projected volumes. */
    static Set<String> referencedSecrets(Doc d) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Object> pod = d.map("spec.template.spec");
        List<Map<String, Object>> containers = new ArrayList<>(Doc.list(pod, "containers"));
        containers.addAll(Doc.list(pod, "initContainers"));
        for (Map<String, Object> c : containers) {
            for (Map<String, Object> e : Doc.list(c, "env")) {
                String name = Doc.str(e, "valueFrom.secretKeyRef.name");
                if (name != null) {
                    out.add(name);
                }
            }
            for (Map<String, Object> from : Doc.list(c, "envFrom")) {
                String name = Doc.str(from, "secretRef.name");
                if (name != null) {
                    out.add(name);
                }
            }
        }
        for (Map<String, Object> vol : Doc.list(pod, "volumes")) {
            if (Doc.str(vol, "secret.secretName") != null) {
                out.add(Doc.str(vol, "secret.secretName"));
            }
            for (Map<String, Object> source : Doc.list(vol, "projected.sources")) {
                if (Doc.str(source, "secret.name") != null) {
                    out.add(Doc.str(source, "secret.name"));
                }
            }
        }
        return out;
    }

    /** Secrets the operators create from resources of the render. */
    static Set<String> operatorSecrets(List<Doc> docs) {
        Set<String> out = new LinkedHashSet<>();
        for (Doc d : docs) {
            if (d.is("Cluster") && d.apiVersion().startsWith("postgresql.cnpg.io/")) {
                out.add(d.name() + "-app"); // CloudNativePG: the application owner's credentials
            }
            if (d.is("Kafka") && d.apiVersion().startsWith("kafka.strimzi.io/")) {
                out.add(d.name() + "-cluster-ca-cert"); // Strimzi: the CA the clients trust
            }
            if (d.is("KafkaUser") && d.apiVersion().startsWith("kafka.strimzi.io/")) {
                out.add(d.name()); // Strimzi's User Operator: the user's password / certificate
            }
        }
        return out;
    }

    static Set<String> documentedSecrets(Path readme) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Matcher m = DOCUMENTED.matcher(Files.readString(readme));
            while (m.find()) {
                out.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
