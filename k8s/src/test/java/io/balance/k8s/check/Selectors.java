package io.balance.k8s.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label selector semantics (matchLabels and matchExpressions). */
public final class Selectors {
    private Selectors() {
    }

    /** A plain map selector (Service.spec.selector). */
    public static boolean matchLabels(Map<String, Object> wanted, Map<String, Object> labels) {
        return wanted.entrySet().stream()
                .allMatch(e -> Objects.equals(String.valueOf(e.getValue()), str(labels.get(e.getKey()))));
    }

    /** A LabelSelector; the empty selector matches everything. */
    public static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        if (!matchLabels(Doc.map(selector, "matchLabels"), labels)) {
            return false;
        }
        for (Map<String, Object> e : Doc.list(selector, "matchExpressions")) {
            String key = String.valueOf(e.get("key"));
            Object values = e.get("values");
            List<?> vals = values instanceof List<?> l ? l : List.of();
            String actual = str(labels.get(key));
            boolean ok = switch (String.valueOf(e.get("operator"))) {
                case "In" -> actual != null && vals.stream().anyMatch(x -> String.valueOf(x).equals(actual));
                case "NotIn" -> actual == null || vals.stream().noneMatch(x -> String.valueOf(x).equals(actual));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
