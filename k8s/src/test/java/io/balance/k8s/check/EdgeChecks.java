package io.balance.k8s.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the Ingress lets in from outside: never {@code /q/*} (health, metrics, the other management endpoints),
 * never a management port. Regex paths (ingress-nginx {@code use-regex}) are evaluated as nginx does, anchored at
 * the start; Prefix and Exact paths as Kubernetes defines them.
 */
final class EdgeChecks {
    private static final List<String> MANAGEMENT_PATHS = List.of("/q", "/q/", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/dev-ui");
    private static final List<String> PUBLIC_PATHS = List.of("/", "/api/v1/schools", "/s/abc", "/quality", "/queue.js");

    private EdgeChecks() {
    }

    static void ingress(Doc ingress, List<Doc> docs, List<String> v) {
        boolean regex = "true".equals(ingress.map("metadata.annotations").get("nginx.ingress.kubernetes.io/use-regex"));
        for (Map<String, Object> rule : ingress.list("spec.rules")) {
            for (Map<String, Object> p : Doc.list(rule, "http.paths")) {
                String path = String.valueOf(p.get("path"));
                String type = String.valueOf(p.get("pathType"));
                for (String m : MANAGEMENT_PATHS) {
                    if (routes(path, type, regex, m, v, ingress)) {
                        v.add(ingress.id() + ": path " + path + " routes " + m + " (management endpoints stay off the Ingress)");
                        break;
                    }
                }
                backend(ingress, Doc.str(p, "backend.service.name"), Doc.get(p, "backend.service.port"), docs, v);
            }
        }
        boolean publicReachable = PUBLIC_PATHS.stream().allMatch(pub -> ingress.list("spec.rules").stream()
                .flatMap(r -> Doc.list(r, "http.paths").stream())
                .anyMatch(p -> routes(String.valueOf(p.get("path")), String.valueOf(p.get("pathType")), regex, pub, v, ingress)));
        if (!publicReachable) {
            v.add(ingress.id() + ": does not route every public path " + PUBLIC_PATHS);
        }
    }

    private static boolean routes(String path, String type, boolean regex, String request, List<String> v, Doc ingress) {
        if (regex && "ImplementationSpecific".equals(type)) {
            try {
                return Pattern.compile("^" + path).matcher(request).find();
            } catch (PatternSyntaxException e) {
                v.add(ingress.id() + ": path " + path + " is no valid regex");
                return false;
            }
        }
        if ("Exact".equals(type)) {
            return request.equals(path);
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        return path.equals("/") || request.equals(path) || request.startsWith(prefix);
    }

    /** The backend must be a Service port that leads to a container's http port, never its management port. */
    private static void backend(Doc ingress, String service, Object port, List<Doc> docs, List<String> v) {
        Optional<Doc> svc = WiringChecks.find(docs, "Service", service);
        if (svc.isEmpty()) {
            v.add(ingress.id() + ": backend Service " + service + " missing");
            return;
        }
        String name = Doc.str(Map.of("p", port == null ? Map.of() : port), "p.name");
        Object number = Doc.get(Map.of("p", port == null ? Map.of() : port), "p.number");
        svc.get().list("spec.ports").stream()
                .filter(p -> Objects.equals(name, p.get("name")) || number != null && Objects.equals(number, p.get("port")))
                .findFirst()
                .ifPresentOrElse(p -> {
                    Object target = p.get("targetPort");
                    if ("management".equals(target) || Objects.equals(target, WiringChecks.MANAGEMENT_PORT)) {
                        v.add(ingress.id() + ": routes to the management port of Service " + service);
                    }
                }, () -> v.add(ingress.id() + ": Service " + service + " has no port " + port));
    }
}
