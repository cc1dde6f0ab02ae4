package io.balance.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a province needs to generate a usable client: every operation named (an {@code operationId}, else the
 * generator invents a method name from the path that changes with it) and every JSON answer typed (a record schema,
 * else the method returns {@code Object}). Each failure lists the operations still missing it.
 */
class OperationCoverageTest {
    private static final Set<String> PRIMITIVES = Set.of("string", "integer", "number", "boolean");

    @Test
    void everyOperationHasAnOperationId() {
        List<String> unnamed = new ArrayList<>();
        List<MergedDocument.Operation> operations = MergedDocument.operations(MergedDocument.read());
        for (MergedDocument.Operation op : operations) {
            if (op.node().path("operationId").asText("").isBlank()) {
                unnamed.add(op.name());
            }
        }
        if (!unnamed.isEmpty()) {
            fail(unnamed.size() + " of " + operations.size() + " operations have no operationId:\n  "
                    + String.join("\n  ", unnamed));
        }
    }

    @Test
    void operationIdsAreUnique() {
        Map<String, List<String>> byId = new HashMap<>();
        for (MergedDocument.Operation op : MergedDocument.operations(MergedDocument.read())) {
            String id = op.node().path("operationId").asText("");
            if (!id.isBlank()) {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(op.name());
            }
        }
        Map<String, List<String>> duplicates = new HashMap<>();
        byId.forEach((id, ops) -> {
            if (ops.size() > 1) {
                duplicates.put(id, ops);
            }
        });
        assertEquals(Map.of(), duplicates, "an operationId names one method of the generated client");
    }

    @Test
    void everyJsonOperationHasATypedSuccessSchema() {
        JsonNode document = MergedDocument.read();
        Set<String> untyped = new TreeSet<>();
        for (MergedDocument.Operation op : MergedDocument.operations(document)) {
            for (var responses = op.node().path("responses").fields(); responses.hasNext(); ) {
                var response = responses.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                JsonNode answer = resolve(document, response.getValue());
                if (answer.path("content").isEmpty() && !response.getKey().equals("204")) {
                    // Response-returning methods come out like this: the client method returns void
                    untyped.add(op.name() + " " + response.getKey() + ": no content described (an empty answer is 204)");
                }
                for (var media = answer.path("content").fields(); media.hasNext(); ) {
                    var type = media.next();
                    if (isJson(type.getKey())) {
                        String why = untypedBecause(document, type.getValue().get("schema"), 0);
                        if (why != null) {
                            untyped.add(op.name() + " " + response.getKey() + " " + type.getKey() + ": " + why);
                        }
                    }
                }
            }
        }
        if (!untyped.isEmpty()) {
            fail(untyped.size() + " JSON answers are not typed records:\n  " + String.join("\n  ", untyped));
        }
    }

    private static boolean isJson(String mediaType) {
        String m = mediaType.toLowerCase();
        return m.startsWith("application/json") || m.matches("application/[^;]*\\+json.*");
    }

    /** Null when the schema is typed; else why not. A map ({@code additionalProperties} only) is not a record. */
    static String untypedBecause(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return "no schema";
        }
        if (depth > 20) {
            return null; // a recursive record is typed
        }
        if (schema.has("$ref")) {
            return untypedBecause(document, resolve(document, schema), depth + 1);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                for (JsonNode part : schema.get(combinator)) {
                    String why = untypedBecause(document, part, depth + 1);
                    if (why != null && !"null".equals(part.path("type").asText())) {
                        return combinator + ": " + why;
                    }
                }
                return null;
            }
        }
        if (schema.has("enum") || schema.has("const")) {
            return null;
        }
        String type = typeOf(schema);
        if (type == null) {
            return "schema without a type";
        }
        if (PRIMITIVES.contains(type)) {
            return null;
        }
        if (type.equals("array")) {
            String why = untypedBecause(document, schema.get("items"), depth + 1);
            return why == null ? null : "array of " + why;
        }
        if (type.equals("object")) {
            return schema.path("properties").isEmpty() ? "an object without properties (a map)" : null;
        }
        return "type " + type;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : null;
        }
        if (type.isArray()) { // OpenAPI 3.1: ["object", "null"]
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return null;
        }
        return type.asText();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
