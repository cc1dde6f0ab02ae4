package io.balance.indicator.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a check's {@code params} (numbers with defaults, lists, maps of numbers). */
final class CheckParams {
    private CheckParams() {
    }

    static double number(Map<String, Object> p, String key, double fallback) {
        Object v = p.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object e : list(o)) {
            out.add(String.valueOf(e));
        }
        return out;
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static Map<String, Double> numbers(Object o) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if (e.getValue() instanceof Number n) {
                    out.put(String.valueOf(e.getKey()), n.doubleValue());
                }
            }
        }
        return out;
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
