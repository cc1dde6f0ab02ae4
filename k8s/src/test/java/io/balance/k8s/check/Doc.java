package io.balance.k8s.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One rendered Kubernetes object as a plain tree, with small path helpers. */
public record Doc(Map<String, Object> tree) {
    public static final YAMLMapper YAML = new YAMLMapper();
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    public static List<Doc> parseAll(String yaml) throws IOException {
        List<Doc> docs = new ArrayList<>();
        var parser = new YAMLFactory().createParser(yaml);
        for (var it = YAML.readValues(parser, Map.class); it.hasNext(); ) {
            Map<String, Object> m = it.next();
            if (m != null && !m.isEmpty()) {
                docs.add(new Doc(m));
            }
        }
        return docs;
    }

    public String kind() {
        return str("kind");
    }

    public String apiVersion() {
        return str("apiVersion");
    }

    public String name() {
        return str("metadata.name");
    }

    public String namespace() {
        return str("metadata.namespace");
    }

    /** "Kind/name", for messages. */
    public String id() {
        return kind() + "/" + name();
    }

    public boolean is(String kind) {
        return Objects.equals(kind(), kind);
    }

    public Object get(String dotted) {
        return get(tree, dotted);
    }

    public String str(String dotted) {
        Object v = get(dotted);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String dotted) {
        Object v = get(dotted);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String dotted) {
        Object v = get(dotted);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }

    /** Path lookup through maps only ("spec.template.spec"); keys may contain '/' but not '.'. */
    @SuppressWarnings("unchecked")
    public static Object get(Object node, String dotted) {
        Object cur = node;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<String, Object>) cur).get(part);
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node, String dotted) {
        Object v = get(node, dotted);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object node, String dotted) {
        Object v = get(node, dotted);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }

    public static String str(Object node, String dotted) {
        Object v = get(node, dotted);
        return v == null ? null : v.toString();
    }
}
