package io.balance.gateway.openapi;

import io.balance.gateway.routing.RouteTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the gateway's (pure JSON in, JSON out). A service contributes only
 * the paths the gateway routes to it; a component whose name another document already uses for something
 * different is renamed {@code <service>_<Name>} and its references rewritten.
 */
public final class OpenApiMerger {
    private static final String[] COMPONENT_KINDS = {"schemas", "parameters", "responses", "requestBodies",
            "headers", "examples", "securitySchemes"};

    private OpenApiMerger() {
    }

    /**
     * @param gateway  the gateway's own document
     * @param services per service name its document, or null when it could not be had
     */
    public static JsonObject merge(JsonObject gateway, Map<String, JsonObject> services) {
        JsonObject merged = gateway.copy();
        merged.put("servers", new JsonArray().add(new JsonObject().put("url", "/")));
        JsonObject paths = merged.getJsonObject("paths", new JsonObject());
        merged.put("paths", paths);
        JsonObject components = merged.getJsonObject("components", new JsonObject());
        merged.put("components", components);
        JsonArray tags = merged.getJsonArray("tags", new JsonArray());
        merged.put("tags", tags);
        List<String> missing = new ArrayList<>();

        for (Map.Entry<String, JsonObject> entry : services.entrySet()) {
            String service = entry.getKey();
            JsonObject doc = entry.getValue();
            if (doc == null) {
                missing.add(service);
                continue;
            }
            doc = doc.copy();
            Map<String, String> renames = new LinkedHashMap<>();
            JsonObject theirComponents = doc.getJsonObject("components", new JsonObject());
            for (String kind : COMPONENT_KINDS) {
                JsonObject theirs = theirComponents.getJsonObject(kind);
                if (theirs == null) {
                    continue;
                }
                JsonObject ours = components.getJsonObject(kind);
                if (ours == null) {
                    ours = new JsonObject();
                    components.put(kind, ours);
                }
                for (String name : theirs.fieldNames()) {
                    Object existing = ours.getValue(name);
                    if (existing != null && !existing.equals(theirs.getValue(name))) {
                        if (!kind.equals("securitySchemes")) {
                            renames.put("#/components/" + kind + "/" + name,
                                    "#/components/" + kind + "/" + service + "_" + name);
                        }
                    }
                }
            }
            if (!renames.isEmpty()) {
                doc = (JsonObject) rewriteRefs(doc, renames);
                theirComponents = doc.getJsonObject("components", new JsonObject());
            }
            for (String kind : COMPONENT_KINDS) {
                JsonObject theirs = theirComponents.getJsonObject(kind);
                if (theirs == null) {
                    continue;
                }
                JsonObject ours = components.getJsonObject(kind);
                for (String name : theirs.fieldNames()) {
                    String target = renames.containsKey("#/components/" + kind + "/" + name) ? service + "_" + name : name;
                    if (!ours.containsKey(target)) {
                        ours.put(target, theirs.getValue(name));
                    }
                }
            }
            JsonObject theirPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : theirPaths.fieldNames()) {
                String concrete = path.replaceAll("\\{[^}]+}", "x");
                if (service.equals(RouteTable.serviceFor(concrete)) && !paths.containsKey(path)) {
                    paths.put(path, theirPaths.getValue(path));
                }
            }
            JsonArray theirTags = doc.getJsonArray("tags", new JsonArray());
            for (Object tag : theirTags) {
                if (tag instanceof JsonObject t && tags.stream().noneMatch(
                        o -> o instanceof JsonObject ot && t.getString("name", "").equals(ot.getString("name")))) {
                    tags.add(t);
                }
            }
        }
        JsonObject info = merged.getJsonObject("info", new JsonObject());
        merged.put("info", info);
        if (!missing.isEmpty()) {
            info.put("x-balance-unavailable", new JsonArray(missing));
            info.put("description", info.getString("description", "")
                    + (info.containsKey("description") ? "\n\n" : "")
                    + "Not included (service not answering): " + String.join(", ", missing));
        }
        // sorted paths read better in Swagger UI
        JsonObject sorted = new JsonObject();
        paths.fieldNames().stream().sorted().forEach(p -> sorted.put(p, paths.getValue(p)));
        merged.put("paths", sorted);
        return merged;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            JsonObject out = new JsonObject();
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                if (key.equals("$ref") && value instanceof String ref && renames.containsKey(ref)) {
                    out.put(key, renames.get(ref));
                } else if (key.equals("components") && object == node) {
                    out.put(key, rewriteComponentNames((JsonObject) value, renames));
                } else {
                    out.put(key, rewriteRefs(value, renames));
                }
            }
            return out;
        }
        if (node instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(v -> out.add(rewriteRefs(v, renames)));
            return out;
        }
        return node;
    }

    /** Inside components the definitions themselves can hold references too. */
    private static JsonObject rewriteComponentNames(JsonObject components, Map<String, String> renames) {
        return (JsonObject) rewriteRefs(components, renames);
    }
}
