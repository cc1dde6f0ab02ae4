package io.balance.k8s.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates each rendered object against the schema of its apiVersion and kind, offline:
 * <ul>
 * <li>Kubernetes kinds: the official client-java models (generated from the Kubernetes 1.32 OpenAPI),
 * whose validators reject unknown fields and missing required fields at every level;</li>
 * <li>Strimzi kinds: Strimzi's own model classes (types, enums, polymorphic types); fields they do not
 * know end up in "additionalProperties", which we report as errors;</li>
 * <li>PodMonitor: the fabric8 prometheus-operator model, the same way;</li>
 * <li>CloudNativePG kinds: JSON Schemas of our own in src/test/resources/schemas (see its README).</li>
 * </ul>
 * An object of any other kind is an error: everything we ship is validated.
 */
public final class SchemaValidator {
    private static final Map<String, Class<?>> KUBERNETES = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));
    private static final Map<String, Class<?>> JACKSON_MODELS = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class,
            "monitoring.coreos.com/v1/PodMonitor", PodMonitor.class);
    private static final List<String> JSON_SCHEMAS = List.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io/v1/Backup",
            "barmancloud.cnpg.io/v1/ObjectStore");

    private static final ObjectMapper MODELS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final Map<String, JsonSchema> schemas = new TreeMap<>();

    public SchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (String type : JSON_SCHEMAS) {
            String file = "/schemas/" + type.replaceFirst("/([^/]+)/([^/]+)$", "_$1_$2") + ".yaml";
            try (InputStream in = SchemaValidator.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + file);
                }
                schemas.put(type, factory.getSchema(Doc.YAML.readTree(in)));
            } catch (IOException e) {
                throw new IllegalStateException(file, e);
            }
        }
    }

    /** Problems of one object, each prefixed with its Kind/name; empty when valid. */
    public List<String> validate(Doc doc) {
        String type = doc.apiVersion() + "/" + doc.kind();
        List<String> errors = new ArrayList<>();
        try {
            String json = Doc.JSON.writeValueAsString(doc.tree());
            if (!(doc.get("metadata") instanceof Map)) {
                errors.add("metadata missing");
            } else {
                validateKubernetes(V1ObjectMeta.class,
                        Doc.JSON.writeValueAsString(doc.get("metadata")), "metadata", errors);
            }
            if (KUBERNETES.containsKey(type)) {
                validateKubernetes(KUBERNETES.get(type), json, "", errors);
            } else if (JACKSON_MODELS.containsKey(type)) {
                validateModel(JACKSON_MODELS.get(type), json, errors);
            } else if (schemas.containsKey(type)) {
                JsonNode node = Doc.JSON.readTree(json);
                for (ValidationMessage m : schemas.get(type).validate(node)) {
                    errors.add(m.getMessage());
                }
            } else {
                errors.add("no schema for " + type + " (add one to SchemaValidator)");
            }
        } catch (IOException e) {
            errors.add(e.getMessage());
        }
        return errors.stream().map(e -> doc.id() + ": schema: " + e).toList();
    }

    private static void validateKubernetes(Class<?> model, String json, String where, List<String> errors) {
        try {
            Method validate = model.getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(json));
            // The validators check fields and nesting; parsing proves the values' types (quantities, ints).
            model.getMethod("fromJson", String.class).invoke(null, json);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            errors.add((where.isEmpty() ? "" : where + ": ") + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validateModel(Class<?> model, String json, List<String> errors) {
        Object parsed;
        try {
            parsed = MODELS.readValue(json, model);
        } catch (IOException e) {
            errors.add(firstLine(String.valueOf(e.getMessage())));
            return;
        }
        // Values the model silently turned into something else (an enum constant it does not know becomes null).
        try {
            compare(Doc.JSON.readTree(json), MODELS.valueToTree(parsed), "", errors);
        } catch (IOException | IllegalArgumentException e) {
            errors.add("cannot re-serialise: " + e.getMessage());
        }
        Map<String, Object> unknown = new TreeMap<>();
        collectUnknown(parsed, "", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        unknown.forEach((path, keys) -> errors.add("unknown field(s) " + keys + " at " + (path.isEmpty() ? "." : path)));
    }

    private static void compare(JsonNode in, JsonNode out, String path, List<String> errors) {
        if (in.isObject()) {
            in.fields().forEachRemaining(e -> {
                JsonNode o = out == null ? null : out.get(e.getKey());
                if (o != null) {
                    compare(e.getValue(), o, path + "." + e.getKey(), errors);
                } else if (!isDefault(e.getValue())) { // models omit default values when writing
                    errors.add(path + "." + e.getKey() + ": value " + e.getValue() + " is not accepted");
                }
            });
        } else if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                JsonNode o = out != null && out.isArray() && i < out.size() ? out.get(i) : null;
                if (o == null || o.isNull()) {
                    errors.add(path + "[" + i + "]: value " + in.get(i) + " is not accepted");
                } else {
                    compare(in.get(i), o, path + "[" + i + "]", errors);
                }
            }
        } else if (out == null || !in.asText().equals(out.asText())) {
            errors.add(path + ": value " + in + " is not accepted (read as " + out + ")");
        }
    }

    private static boolean isDefault(JsonNode n) {
        return n.isNull() || (n.isBoolean() && !n.asBoolean()) || (n.isNumber() && n.asDouble() == 0)
                || (n.isContainerNode() && n.isEmpty());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Walks the model's getters and reports every non-empty "additionalProperties" (an unknown field). */
    private static void collectUnknown(Object o, String path, Map<String, Object> out, Set<Object> seen) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || !seen.add(o)) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collectUnknown(v, path + "." + k, out, seen));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                collectUnknown(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi") && !pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            String property;
            if (name.startsWith("get") && name.length() > 3) {
                property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            } else {
                continue;
            }
            try {
                Object value = m.invoke(o);
                if (property.equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        out.put(path, new ArrayList<>(extra.keySet()));
                    }
                } else if (!property.equals("metadata")) { // metadata: checked against ObjectMeta
                    collectUnknown(value, path + "." + property, out, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that does not apply to this object: nothing to walk
            }
        }
    }
}
