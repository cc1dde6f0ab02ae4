package io.balance.k8s.check;

import io.balance.contracts.Topics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topic permissions the rendered {@code KafkaUser}s grant, evaluated the way Kafka's simple authorizer does
 * (literal and prefixed resource patterns, {@code *}, operation {@code All} implying the others; a Write or a Read
 * implies Describe). A topic belongs to the service named by its first segment ({@code school.reports.v1}:
 * school-service), the convention of {@link Topics}: only that service may write it.
 */
public final class KafkaAcls {
    /** Operations that change a topic's content or existence. */
    private static final Set<String> WRITING = Set.of("Write", "All", "Create", "Delete", "Alter", "AlterConfigs");

    private KafkaAcls() {
    }

    /** Every topic of {@link Topics}. */
    public static List<String> topics() {
        List<String> names = new ArrayList<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** The service that owns (alone writes) a topic. */
    public static String owner(String topic) {
        return topic.substring(0, topic.indexOf('.')) + (topic.startsWith("gateway.") ? "" : "-service");
    }

    /** user → topics of {@link Topics} it may write. */
    public static Map<String, Set<String>> writers(List<Doc> docs) {
        return grants(docs, true);
    }

    /** user → topics of {@link Topics} it may read. */
    public static Map<String, Set<String>> readers(List<Doc> docs) {
        return grants(docs, false);
    }

    private static Map<String, Set<String>> grants(List<Doc> docs, boolean write) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Doc user : docs) {
            if (!user.is("KafkaUser")) {
                continue;
            }
            Set<String> topics = out.computeIfAbsent(user.name(), u -> new TreeSet<>());
            for (Map<String, Object> acl : user.list("spec.authorization.acls")) {
                if (!"topic".equals(Doc.str(acl, "resource.type")) || "deny".equalsIgnoreCase(String.valueOf(acl.get("type")))) {
                    continue;
                }
                List<String> ops = new ArrayList<>();
                if (acl.get("operations") instanceof List<?> l) {
                    l.forEach(o -> ops.add(String.valueOf(o)));
                }
                if (acl.get("operation") != null) {
                    ops.add(String.valueOf(acl.get("operation")));
                }
                boolean grants = write ? ops.stream().anyMatch(WRITING::contains)
                        : ops.contains("Read") || ops.contains("All");
                if (!grants) {
                    continue;
                }
                String name = Doc.str(acl, "resource.name");
                String pattern = String.valueOf(Doc.get(acl, "resource.patternType") == null ? "literal" : Doc.str(acl, "resource.patternType"));
                for (String topic : topics()) {
                    if (matches(name, pattern, topic)) {
                        topics.add(topic);
                    }
                }
                if (name == null || "*".equals(name) || "prefix".equals(pattern) && topics().stream().noneMatch(t -> t.startsWith(name))) {
                    topics.add("<" + pattern + " " + name + ">"); // wider than the known topics: always a finding
                }
            }
        }
        return out;
    }

    static boolean matches(String name, String pattern, String topic) {
        if (name == null || "*".equals(name)) {
            return true;
        }
        return "prefix".equals(pattern) ? topic.startsWith(name) : topic.equals(name);
    }
}
