package io.balance.k8s.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generic rules every workload we ship must follow, whatever the service: probes on the Quarkus health
 * endpoints, requests and limits, non-root, read-only root filesystem with an emptyDir /tmp, pinned image
 * tags, Prometheus annotations, and a Service, HorizontalPodAutoscaler, PodDisruptionBudget and
 * NetworkPolicy for each Deployment; and no Secret values anywhere.
 */
public final class PolicyChecks {
    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    private PolicyChecks() {
    }

    public static List<String> check(List<Doc> docs) {
        List<String> v = new ArrayList<>();
        for (Doc d : docs) {
            if (d.is("Secret") && (!d.map("data").isEmpty() || !d.map("stringData").isEmpty())) {
                v.add(d.id() + ": a Secret with values must never be committed (reference it, create it at deploy time)");
            }
            if (d.is("Deployment")) {
                deployment(d, docs, v);
            }
            if (d.is("Ingress")) {
                EdgeChecks.ingress(d, docs, v);
            }
            if (d.is("PodMonitor")) {
                for (Map<String, Object> e : d.list("spec.podMetricsEndpoints")) {
                    if (!"management".equals(e.get("port"))) {
                        v.add(d.id() + ": scrapes port " + e.get("port") + ", not the management port");
                    }
                }
            }
            if (d.is("Cluster") && d.str("spec.imageName") != null) {
                String image = d.str("spec.imageName");
                String last = image.substring(image.lastIndexOf('/') + 1);
                if (!image.contains("@sha256:") && (!last.contains(":") || last.endsWith(":latest"))) {
                    v.add(d.id() + ": PostgreSQL image " + image + " must be pinned to a version");
                }
            }
        }
        return v;
    }

    private static void deployment(Doc d, List<Doc> docs, List<String> v) {
        String id = d.id();
        Map<String, Object> pod = d.map("spec.template.spec");
        Map<String, Object> podLabels = d.map("spec.template.metadata.labels");
        if (d.get("spec.replicas") != null) {
            v.add(id + ": spec.replicas is set although a HorizontalPodAutoscaler owns the replica count");
        }
        if (!Boolean.TRUE.equals(Doc.get(pod, "securityContext.runAsNonRoot"))) {
            v.add(id + ": pod securityContext.runAsNonRoot must be true");
        }
        Object uid = Doc.get(pod, "securityContext.runAsUser");
        if (uid instanceof Number n && n.longValue() == 0) {
            v.add(id + ": pod runs as user 0 (root)");
        }
        if (Boolean.TRUE.equals(pod.get("hostNetwork")) || Boolean.TRUE.equals(pod.get("hostPID"))) {
            v.add(id + ": host namespaces are not allowed");
        }
        for (Map<String, Object> vol : Doc.list(pod, "volumes")) {
            if (vol.containsKey("hostPath")) {
                v.add(id + ": hostPath volume " + vol.get("name") + " is not allowed");
            }
        }
        List<Map<String, Object>> containers = Doc.list(pod, "containers");
        if (containers.isEmpty()) {
            v.add(id + ": no containers");
        }
        for (Map<String, Object> c : containers) {
            container(id + " container " + c.get("name"), c, pod, v);
        }
        Map<String, Object> annotations = d.map("spec.template.metadata.annotations");
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            v.add(id + ": pod template lacks prometheus.io/scrape=\"true\" and prometheus.io/path=/q/metrics");
        } else if (containers.stream().flatMap(c -> Doc.list(c, "ports").stream()).noneMatch(p -> "management".equals(p.get("name"))
                && String.valueOf(p.get("containerPort")).equals(String.valueOf(annotations.get("prometheus.io/port"))))) {
            v.add(id + ": prometheus.io/port " + annotations.get("prometheus.io/port") + " is not the management container port");
        }

        String ns = d.namespace();
        boolean service = docs.stream().anyMatch(s -> s.is("Service") && Objects.equals(s.namespace(), ns)
                && !s.map("spec.selector").isEmpty() && Selectors.matchLabels(s.map("spec.selector"), podLabels));
        if (!service) {
            v.add(id + ": no Service selects its pods");
        }
        boolean hpa = docs.stream().anyMatch(h -> h.is("HorizontalPodAutoscaler") && Objects.equals(h.namespace(), ns)
                && "Deployment".equals(h.str("spec.scaleTargetRef.kind")) && d.name().equals(h.str("spec.scaleTargetRef.name")));
        if (!hpa) {
            v.add(id + ": no HorizontalPodAutoscaler targets it");
        }
        List<Doc> pdbs = docs.stream().filter(p -> p.is("PodDisruptionBudget") && Objects.equals(p.namespace(), ns)
                && Selectors.matches(p.map("spec.selector"), podLabels)).toList();
        if (pdbs.isEmpty()) {
            v.add(id + ": no PodDisruptionBudget selects its pods");
        }
        for (Doc p : pdbs) {
            if (Objects.equals(String.valueOf(p.get("spec.maxUnavailable")), "0")) {
                v.add(p.id() + ": maxUnavailable 0 blocks every node drain");
            }
        }
        boolean ingressAndEgress = docs.stream().anyMatch(n -> n.is("NetworkPolicy") && Objects.equals(n.namespace(), ns)
                && !n.map("spec.podSelector").isEmpty()
                && Selectors.matches(n.map("spec.podSelector"), podLabels)
                && n.list("spec.policyTypes").toString().contains("Ingress")
                && n.list("spec.policyTypes").toString().contains("Egress"));
        if (!ingressAndEgress) {
            v.add(id + ": no NetworkPolicy of its own restricts both Ingress and Egress of its pods");
        }
    }

    private static void container(String id, Map<String, Object> c, Map<String, Object> pod, List<String> v) {
        String image = String.valueOf(c.get("image"));
        String afterSlash = image.substring(image.lastIndexOf('/') + 1);
        if (!image.contains("@sha256:")) {
            if (!afterSlash.contains(":")) {
                v.add(id + ": image " + image + " has no tag (that means latest)");
            } else if (afterSlash.endsWith(":latest")) {
                v.add(id + ": image " + image + " uses the latest tag");
            }
        }
        if ("Always".equals(c.get("imagePullPolicy")) && afterSlash.endsWith(":latest")) {
            v.add(id + ": pulls latest");
        }
        boolean management = Doc.list(c, "ports").stream().anyMatch(p -> "management".equals(p.get("name"))
                && Objects.equals(p.get("containerPort"), WiringChecks.MANAGEMENT_PORT));
        if (!management) {
            v.add(id + ": no container port named management on " + WiringChecks.MANAGEMENT_PORT + " (Quarkus' management interface)");
        }
        PROBES.forEach((probe, path) -> {
            Object p = c.get(probe);
            if (p == null) {
                v.add(id + ": " + probe + " missing");
            } else if (!path.equals(Doc.str(p, "httpGet.path"))) {
                v.add(id + ": " + probe + " must GET " + path + " (has " + Doc.str(p, "httpGet.path") + ")");
            } else if (!"management".equals(Doc.str(p, "httpGet.port"))
                    && !String.valueOf(WiringChecks.MANAGEMENT_PORT).equals(Doc.str(p, "httpGet.port"))) {
                v.add(id + ": " + probe + " must use the management port (has " + Doc.str(p, "httpGet.port") + ")");
            }
        });
        for (String r : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            if (Doc.get(c, "resources." + r) == null) {
                v.add(id + ": resources." + r + " missing");
            }
        }
        if (!Boolean.TRUE.equals(Doc.get(c, "securityContext.readOnlyRootFilesystem"))) {
            v.add(id + ": securityContext.readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(Doc.get(c, "securityContext.allowPrivilegeEscalation"))) {
            v.add(id + ": securityContext.allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(Doc.get(c, "securityContext.privileged"))) {
            v.add(id + ": privileged");
        }
        if (Boolean.FALSE.equals(Doc.get(c, "securityContext.runAsNonRoot"))) {
            v.add(id + ": securityContext.runAsNonRoot false overrides the pod's");
        }
        Object uid = Doc.get(c, "securityContext.runAsUser");
        if (uid instanceof Number n && n.longValue() == 0) {
            v.add(id + ": runs as user 0 (root)");
        }
        Object drop = Doc.get(c, "securityContext.capabilities.drop");
        if (!(drop instanceof List<?> l && l.contains("ALL"))) {
            v.add(id + ": securityContext.capabilities.drop must contain ALL");
        }
        String tmpVolume = Doc.list(c, "volumeMounts").stream()
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> String.valueOf(m.get("name")))
                .findFirst().orElse(null);
        boolean tmpIsEmptyDir = tmpVolume != null && Doc.list(pod, "volumes").stream()
                .anyMatch(vol -> tmpVolume.equals(vol.get("name")) && vol.containsKey("emptyDir"));
        if (!tmpIsEmptyDir) {
            v.add(id + ": /tmp must be an emptyDir volume (the root filesystem is read-only)");
        }
    }
}
