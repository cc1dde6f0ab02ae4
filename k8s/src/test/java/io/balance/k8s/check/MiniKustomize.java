package io.balance.k8s.check;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small, honest kustomize for machines without one (a fresh machine with only a JDK): it renders exactly
 * the subset of kustomize these manifests use and refuses everything else with an error, never guesses.
 * {@code KustomizeParityTest} proves its output identical to the real kustomize's for every overlay and fixture
 * wherever a real one exists (always in CI).
 *
 * <p>Supported: {@code resources} (files and directories), {@code namespace}, {@code labels} (pairs,
 * includeSelectors false, includeTemplates), {@code images} (newName, newTag, digest), {@code patches}
 * (JSON 6902 add/remove/replace with a target; strategic-merge patches that delete a resource or merge maps),
 * {@code configMapGenerator} (envs, literals, behavior create/merge, with kustomize's content-hash suffix and
 * the Deployment references to it). Transformers run in kustomize's order: patches, namespace, labels, images.
 */
public final class MiniKustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "patches", "configMapGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PriorityClass", "ClusterIssuer");
    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** A resource being rendered; generated ConfigMaps get their hash suffix at the very end. */
    private static final class Res {
        Map<String, Object> tree;
        final boolean generated;

        Res(Map<String, Object> tree, boolean generated) {
            this.tree = tree;
            this.generated = generated;
        }

        Doc doc() {
            return new Doc(tree);
        }
    }

    private MiniKustomize() {
    }

    public static List<Doc> render(Path dir) throws IOException {
        List<Res> resources = build(dir.toAbsolutePath().normalize());
        Map<String, String> renamed = new TreeMap<>();
        for (Res r : resources) {
            if (r.generated) {
                String name = r.doc().name();
                String hashed = name + "-" + hash(r.tree);
                meta(r.tree).put("name", hashed);
                renamed.put(r.doc().namespace() + "/" + name, hashed);
            }
        }
        List<Doc> out = new ArrayList<>();
        for (Res r : resources) {
            if (!renamed.isEmpty()) {
                rewriteConfigMapRefs(r.tree, r.doc().namespace(), renamed);
            }
            out.add(r.doc());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Res> build(Path dir) throws IOException {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new IOException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> k = Doc.YAML.readValue(Files.readString(file), Map.class);
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IOException(file + ": mini-kustomize does not support '" + key + "': install kustomize or kubectl");
            }
        }
        List<Res> res = new ArrayList<>();
        for (Object entry : (List<Object>) k.getOrDefault("resources", List.of())) {
            Path p = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(p)) {
                res.addAll(build(p));
            } else {
                for (Doc d : Doc.parseAll(Files.readString(p))) {
                    res.add(new Res(d.tree(), false));
                }
            }
        }
        for (Map<String, Object> gen : (List<Map<String, Object>>) k.getOrDefault("configMapGenerator", List.of())) {
            generate(dir, gen, res, (String) k.get("namespace"));
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
            patch(dir, patch, res);
        }
        if (k.get("namespace") != null) {
            for (Res r : res) {
                if (!CLUSTER_SCOPED.contains(r.doc().kind())) {
                    meta(r.tree).put("namespace", k.get("namespace"));
                }
            }
        }
        for (Map<String, Object> l : (List<Map<String, Object>>) k.getOrDefault("labels", List.of())) {
            labels(l, res);
        }
        for (Map<String, Object> image : (List<Map<String, Object>>) k.getOrDefault("images", List.of())) {
            for (Res r : res) {
                images(r.tree, image);
            }
        }
        return res;
    }

    @SuppressWarnings("unchecked")
    private static void generate(Path dir, Map<String, Object> gen, List<Res> res, String namespace) throws IOException {
        for (String key : gen.keySet()) {
            if (!Set.of("name", "namespace", "behavior", "envs", "literals").contains(key)) {
                throw new IOException("mini-kustomize: configMapGenerator." + key + " is not supported");
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object env : (List<Object>) gen.getOrDefault("envs", List.of())) {
            for (String line : Files.readAllLines(dir.resolve(String.valueOf(env)), StandardCharsets.UTF_8)) {
                putKeyValue(data, line);
            }
        }
        for (Object lit : (List<Object>) gen.getOrDefault("literals", List.of())) {
            putKeyValue(data, String.valueOf(lit));
        }
        String name = String.valueOf(gen.get("name"));
        String behavior = String.valueOf(gen.getOrDefault("behavior", "create"));
        String ns = (String) gen.getOrDefault("namespace", namespace);
        if (behavior.equals("merge")) {
            // a base's generated ConfigMap has no namespace yet when an overlay (which sets one) merges into it
            Res existing = res.stream().filter(r -> r.generated && name.equals(r.doc().name())
                    && (ns == null || r.doc().namespace() == null || ns.equals(r.doc().namespace()))).findFirst()
                    .orElseThrow(() -> new IOException("configMapGenerator merge: no ConfigMap " + name + " to merge into"));
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing.tree.get("data"));
            merged.putAll(data);
            existing.tree.put("data", merged);
            return;
        }
        if (!behavior.equals("create")) {
            throw new IOException("mini-kustomize: configMapGenerator behavior " + behavior + " is not supported");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (ns != null) {
            metadata.put("namespace", ns);
        }
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.put("metadata", metadata);
        cm.put("data", data);
        res.add(new Res(cm, true));
    }

    /** KEY=VALUE as kustomize reads env files: blank lines and '#' comments skipped, the value kept verbatim. */
    private static void putKeyValue(Map<String, Object> data, String line) throws IOException {
        String l = line.stripLeading();
        if (l.isEmpty() || l.startsWith("#")) {
            return;
        }
        int eq = l.indexOf('=');
        if (eq <= 0) {
            throw new IOException("not KEY=VALUE: " + line);
        }
        data.put(l.substring(0, eq), l.substring(eq + 1));
    }

    /**
     * kustomize's ConfigMap hash suffix: sha256 of the key-sorted JSON {data, kind, name}, first 10 hex digits
     * with 0,1,3,a,e replaced. kustomize v5 hashes with an empty "name" in practice (found by
     * KustomizeParityTest against kubectl 1.32's kustomize v5.5.0, and consistent with its published test
     * vectors): the name is not part of the hash.
     */
    static String hash(Map<String, Object> configMap) {
        Map<String, Object> m = new TreeMap<>();
        m.put("kind", "ConfigMap");
        m.put("name", "");
        m.put("data", configMap.getOrDefault("data", Map.of()));
        try {
            byte[] json = SORTED.writeValueAsBytes(m);
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
            StringBuilder s = new StringBuilder();
            for (char c : hex.substring(0, 10).toCharArray()) {
                s.append(switch (c) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> c;
                });
            }
            return s.toString();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void patch(Path dir, Map<String, Object> p, List<Res> res) throws IOException {
        String text = p.get("patch") != null ? String.valueOf(p.get("patch")) : Files.readString(dir.resolve(String.valueOf(p.get("path"))));
        Object parsed = Doc.YAML.readValue(text, Object.class);
        Map<String, Object> target = (Map<String, Object>) p.get("target");
        if (parsed instanceof List<?> ops) {
            if (target == null) {
                throw new IOException("a JSON 6902 patch needs a target");
            }
            List<Res> matched = res.stream().filter(r -> matches(r, target)).toList();
            if (matched.isEmpty()) {
                throw new IOException("patch target " + target + " matches nothing");
            }
            for (Res r : matched) {
                for (Object op : ops) {
                    jsonPatch(r.tree, (Map<String, Object>) op);
                }
            }
            return;
        }
        Map<String, Object> smp = (Map<String, Object>) parsed;
        Map<String, Object> sel = target != null ? target : Map.of("kind", smp.get("kind"), "name", meta(smp).get("name"));
        List<Res> matched = res.stream().filter(r -> matches(r, sel)).toList();
        if (matched.isEmpty()) {
            throw new IOException("patch " + sel + " matches nothing");
        }
        if ("delete".equals(smp.get("$patch"))) {
            res.removeAll(matched);
            return;
        }
        for (Res r : matched) {
            Map<String, Object> body = new LinkedHashMap<>(smp);
            if (target == null) {
                body.remove("apiVersion");
                body.remove("kind");
            }
            merge(r.tree, body);
        }
    }

    private static boolean matches(Res r, Map<String, Object> target) {
        for (Map.Entry<String, Object> e : target.entrySet()) {
            String want = String.valueOf(e.getValue());
            String have = switch (e.getKey()) {
                case "kind" -> r.doc().kind();
                case "name" -> r.doc().name();
                case "namespace" -> r.doc().namespace();
                default -> throw new IllegalArgumentException("mini-kustomize: patch target field " + e.getKey() + " is not supported");
            };
            if (!want.equals(have)) {
                return false;
            }
        }
        return true;
    }

    /** Strategic merge for what we patch: maps merge, lists of named items merge by name, other lists replace. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object cur = into.get(e.getKey());
            Object val = e.getValue();
            if (val == null) {
                into.remove(e.getKey());
            } else if (cur instanceof Map && val instanceof Map) {
                merge((Map<String, Object>) cur, (Map<String, Object>) val);
            } else if (cur instanceof List<?> cl && val instanceof List<?> vl && named(cl) && named(vl)) {
                List<Object> result = new ArrayList<>(cl);
                for (Object item : vl) {
                    Object name = ((Map<?, ?>) item).get("name");
                    Map<String, Object> existing = (Map<String, Object>) result.stream()
                            .filter(x -> Objects.equals(((Map<?, ?>) x).get("name"), name)).findFirst().orElse(null);
                    if (existing != null) {
                        merge(existing, (Map<String, Object>) item);
                    } else {
                        result.add(item);
                    }
                }
                into.put(e.getKey(), result);
            } else {
                into.put(e.getKey(), val);
            }
        }
    }

    private static boolean named(List<?> l) {
        return !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?> m && m.get("name") != null);
    }

    @SuppressWarnings("unchecked")
    private static void jsonPatch(Map<String, Object> doc, Map<String, Object> op) throws IOException {
        String kind = String.valueOf(op.get("op"));
        List<String> path = new ArrayList<>();
        for (String part : String.valueOf(op.get("path")).substring(1).split("/", -1)) {
            path.add(part.replace("~1", "/").replace("~0", "~"));
        }
        Object parent = doc;
        for (String part : path.subList(0, path.size() - 1)) {
            parent = child(parent, part, op);
        }
        String last = path.get(path.size() - 1);
        Object value = copy(op.get("value"));
        switch (kind) {
            case "add" -> {
                if (parent instanceof Map) {
                    ((Map<String, Object>) parent).put(last, value);
                } else if (parent instanceof List) {
                    List<Object> l = (List<Object>) parent;
                    l.add(last.equals("-") ? l.size() : Integer.parseInt(last), value);
                } else {
                    throw new IOException("cannot add at " + op.get("path"));
                }
            }
            case "replace", "remove" -> {
                if (parent instanceof Map<?, ?> m) {
                    if (!m.containsKey(last)) {
                        throw new IOException(kind + ": " + op.get("path") + " does not exist");
                    }
                    if (kind.equals("replace")) {
                        ((Map<String, Object>) parent).put(last, value);
                    } else {
                        ((Map<String, Object>) parent).remove(last);
                    }
                } else if (parent instanceof List) {
                    List<Object> l = (List<Object>) parent;
                    int i = Integer.parseInt(last);
                    if (i >= l.size()) {
                        throw new IOException(kind + ": " + op.get("path") + " does not exist");
                    }
                    if (kind.equals("replace")) {
                        l.set(i, value);
                    } else {
                        l.remove(i);
                    }
                } else {
                    throw new IOException(kind + ": " + op.get("path") + " does not exist");
                }
            }
            default -> throw new IOException("mini-kustomize: JSON patch op " + kind + " is not supported");
        }
    }

    private static Object child(Object node, String part, Map<String, Object> op) throws IOException {
        Object next = node instanceof Map<?, ?> m ? m.get(part)
                : node instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size() ? l.get(Integer.parseInt(part)) : null;
        if (next == null) {
            throw new IOException("JSON patch path " + op.get("path") + " does not exist");
        }
        return next;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put(String.valueOf(k), copy(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(MiniKustomize::copy).toList());
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static void labels(Map<String, Object> spec, List<Res> res) {
        if (Boolean.TRUE.equals(spec.get("includeSelectors"))) {
            throw new IllegalArgumentException("mini-kustomize: labels with includeSelectors are not supported");
        }
        Map<String, Object> pairs = (Map<String, Object>) spec.getOrDefault("pairs", Map.of());
        boolean templates = Boolean.TRUE.equals(spec.get("includeTemplates"));
        for (Res r : res) {
            ((Map<String, Object>) meta(r.tree).computeIfAbsent("labels", x -> new LinkedHashMap<>())).putAll(pairs);
            if (templates && Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet").contains(r.doc().kind())) {
                Map<String, Object> tmeta = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) r.tree.get("spec"))
                        .get("template")).computeIfAbsent("metadata", x -> new LinkedHashMap<>());
                ((Map<String, Object>) tmeta.computeIfAbsent("labels", x -> new LinkedHashMap<>())).putAll(pairs);
            }
        }
    }

    /** kustomize's images transformer on containers and initContainers of pod templates. */
    @SuppressWarnings("unchecked")
    private static void images(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> m) {
            for (String field : List.of("containers", "initContainers")) {
                if (m.get(field) instanceof List<?> cs) {
                    for (Object c : cs) {
                        if (c instanceof Map<?, ?> container && container.get("image") instanceof String ref) {
                            String updated = retag(ref, image);
                            if (updated != null) {
                                ((Map<String, Object>) container).put("image", updated);
                            }
                        }
                    }
                }
            }
            m.values().forEach(v -> images(v, image));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> images(v, image));
        }
    }

    private static String retag(String ref, Map<String, Object> image) {
        String name = ref;
        String tag = null;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (!name.equals(image.get("name"))) {
            return null;
        }
        if (image.get("newName") != null) {
            name = String.valueOf(image.get("newName"));
        }
        if (image.get("digest") != null) {
            return name + "@" + image.get("digest");
        }
        if (image.get("newTag") != null) {
            return name + ":" + image.get("newTag");
        }
        return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @SuppressWarnings("unchecked")
    private static void rewriteConfigMapRefs(Object node, String namespace, Map<String, String> renamed) {
        if (node instanceof Map<?, ?> m) {
            for (String ref : List.of("configMapRef", "configMapKeyRef", "configMap")) {
                if (m.get(ref) instanceof Map<?, ?> r && r.get("name") instanceof String name) {
                    String hashed = renamed.get(namespace + "/" + name);
                    if (hashed != null) {
                        ((Map<String, Object>) r).put("name", hashed);
                    }
                }
            }
            m.values().forEach(v -> rewriteConfigMapRefs(v, namespace, renamed));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> rewriteConfigMapRefs(v, namespace, renamed));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> tree) {
        return (Map<String, Object>) tree.computeIfAbsent("metadata", x -> new LinkedHashMap<>());
    }
}
