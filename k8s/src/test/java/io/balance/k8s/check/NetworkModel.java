package io.balance.k8s.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the rendered NetworkPolicies the way a conforming CNI does, for a connection between two
 * pods: allowed when the source's egress (if any policy selects it for Egress) and the destination's
 * ingress (same) both admit it. Endpoints outside the rendered namespace (ingress controller,
 * Prometheus, kube-dns) are not governed by our policies on their side.
 */
public final class NetworkModel {
    /** A pod: its namespace, the labels of that namespace, its own labels. */
    public record Pod(String namespace, Map<String, Object> labels) {
        Map<String, Object> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    private final List<Doc> policies;

    public NetworkModel(List<Doc> docs) {
        this.policies = docs.stream().filter(d -> d.is("NetworkPolicy")).toList();
    }

    public boolean allowed(Pod from, Pod to, String protocol, int port) {
        return direction(from, to, protocol, port, "Egress", "egress", "to")
                && direction(to, from, protocol, port, "Ingress", "ingress", "from");
    }

    /** Whether the policies selecting {@code subject} for this direction admit {@code peer}. */
    private boolean direction(Pod subject, Pod peer, String protocol, int port, String type, String rulesField, String peersField) {
        List<Doc> selecting = policies.stream()
                .filter(p -> Objects.equals(p.namespace(), subject.namespace()))
                .filter(p -> Selectors.matches(p.map("spec.podSelector"), subject.labels()))
                .filter(p -> policyTypes(p).contains(type))
                .toList();
        if (selecting.isEmpty()) {
            return true; // not isolated in this direction
        }
        for (Doc p : selecting) {
            for (Map<String, Object> rule : p.list("spec." + rulesField)) {
                if (peersMatch(rule.get(peersField), p.namespace(), peer) && portsMatch(rule.get("ports"), protocol, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> policyTypes(Doc p) {
        Object types = p.get("spec.policyTypes");
        if (types instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return p.get("spec.egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    @SuppressWarnings("unchecked")
    private static boolean peersMatch(Object peers, String policyNamespace, Pod peer) {
        if (!(peers instanceof List<?> list) || list.isEmpty()) {
            return true; // no from/to: every peer
        }
        for (Object o : list) {
            Map<String, Object> p = (Map<String, Object>) o;
            Object podSel = p.get("podSelector");
            Object nsSel = p.get("namespaceSelector");
            if (podSel == null && nsSel == null) {
                continue; // ipBlock: never a pod of ours
            }
            boolean nsOk = nsSel == null
                    ? Objects.equals(policyNamespace, peer.namespace())
                    : Selectors.matches((Map<String, Object>) nsSel, peer.namespaceLabels());
            boolean podOk = podSel == null || Selectors.matches((Map<String, Object>) podSel, peer.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean portsMatch(Object ports, String protocol, int port) {
        if (!(ports instanceof List<?> list) || list.isEmpty()) {
            return true;
        }
        for (Object o : list) {
            Map<String, Object> p = (Map<String, Object>) o;
            String proto = p.get("protocol") == null ? "TCP" : String.valueOf(p.get("protocol"));
            Object num = p.get("port");
            if (proto.equals(protocol) && (num == null || String.valueOf(num).equals(String.valueOf(port)))) {
                return true;
            }
        }
        return false;
    }
}
