package io.balance.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hostile requests generated from one operation of the merged OpenAPI document: malformed and deeply nested JSON,
 * wrong types, huge numbers, odd strings (NUL, right-to-left override, emoji, very long), wrong content types, and
 * hostile path and query parameters (NUL, dot segments, encoded slashes, invalid or overlong escapes, very long).
 * Every other parameter keeps a valid value, so each hostile part reaches as far into the service as it can.
 */
final class HostileCases {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request: a name for the report, method, raw path and query (already percent-encoded), body. */
    record Case(String name, String method, String rawPathAndQuery, String contentType, byte[] body) {
    }

    /** Hostile path segments, as sent (percent-encoded where the raw byte is not allowed in a URI). */
    static final List<String> PATH_VALUES = List.of("%00", "..", "%2e%2e", "%2F", "%5C", "a%00b", "%FF", "%C0%AE",
            "%E2%80%AEabc", "%F0%9F%98%80", "-1", "0", "99999999999999999999999", "1e400", "%20", "'%3B--", "null",
            "%25", "a".repeat(1000), "x".repeat(9000));
    /** Hostile query values. */
    static final List<String> QUERY_VALUES = List.of("%00", "%FF", "-1", "99999999999999999999999", "1e400",
            "%E2%80%AEx", "a".repeat(2000), "2025-02-30", "", "a%26b%3Dc", "true%00", "%0D%0AX-Injected:%201");

    static final String ODD = "\u0000\u202Eodd\u202C \uD83D\uDE00 e\u0301 ' or 1=1 -- <script>\\\"";

    private final JsonNode document;

    HostileCases(JsonNode document) {
        this.document = document;
    }

    /** Every case for {@code method path}; {@code valid} gives a valid value for a path or query parameter. */
    List<Case> cases(String method, String path, JsonNode operation, Function<String, String> valid) {
        List<Case> cases = new ArrayList<>();
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode param = resolve(p);
            ("path".equals(param.path("in").asText()) ? pathParams : queryParams).add(param);
        }
        String validPath = fill(path, pathParams, null, null, valid);
        // hostile path parameters, one at a time
        for (JsonNode param : pathParams) {
            String name = param.path("name").asText();
            for (String value : PATH_VALUES) {
                String label = value.length() > 40 ? value.length() + " chars" : value;
                cases.add(new Case("path " + name + "=" + label, method, fill(path, pathParams, name, value, valid),
                        null, null));
            }
        }
        // hostile query parameters, one at a time
        for (JsonNode param : queryParams) {
            String name = param.path("name").asText();
            for (String value : QUERY_VALUES) {
                String label = value.length() > 40 ? value.length() + " chars" : value;
                cases.add(new Case("query " + name + "=" + label, method, validPath + "?" + name + "=" + value, null,
                        null));
            }
        }
        // hostile bodies
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        boolean any = false;
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            any = true;
            String mediaType = type.getKey();
            if (mediaType.contains("json")) {
                jsonBodies(cases, method, validPath, type.getValue().path("schema"));
            } else if (mediaType.startsWith("multipart/")) {
                multipartBodies(cases, method, validPath);
            } else if (mediaType.equals("application/x-www-form-urlencoded")) {
                body(cases, "form: bad escapes", method, validPath, mediaType, "a=%00&b=%ZZ&%%%=1&c=" + "z".repeat(20000));
                body(cases, "form: JSON", method, validPath, mediaType, "{\"text\":\"x\"}");
            }
        }
        if (any) {
            for (String[] wrong : new String[][] {{"text/plain", "{}"}, {"application/xml", "<a>&x;</a>"},
                    {"application/x-www-form-urlencoded", "a=%00"}, {"multipart/form-data; boundary=zz", "--zz\r\nbad"},
                    {"application/json; charset=UTF-16", "{}"}, {"application/octet-stream", "\u0000\u0001\u00ff"},
                    {"image/png", "not a png"}}) {
                body(cases, "content type " + wrong[0], method, validPath, wrong[0], wrong[1]);
            }
        }
        return cases;
    }

    private void jsonBodies(List<Case> cases, String method, String path, JsonNode schema) {
        String json = "application/json";
        body(cases, "malformed {", method, path, json, "{");
        body(cases, "truncated", method, path, json, "{\"a\":");
        body(cases, "trailing garbage", method, path, json, "{} }{");
        body(cases, "empty body", method, path, json, "");
        body(cases, "deep arrays", method, path, json, "[".repeat(5000) + "]".repeat(5000));
        body(cases, "deep objects", method, path, json, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        for (String top : List.of("[]", "\"text\"", "42", "null", "true", "1e400")) {
            body(cases, "top-level " + top, method, path, json, top);
        }
        body(cases, "NUL byte raw", method, path, json, "{\"a\":\"\u0000\"}");
        body(cases, "invalid UTF-8", method, path, json, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        for (Mode mode : Mode.values()) {
            try {
                body(cases, "shaped " + mode, method, path, json, JSON.writeValueAsString(shaped(schema, mode, 0)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void multipartBodies(List<Case> cases, String method, String path) {
        String boundary = "hostileBoundary";
        String type = "multipart/form-data; boundary=" + boundary;
        body(cases, "multipart: no file part", method, path, type, "--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n");
        body(cases, "multipart: odd file name", method, path, type, "--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"file\"; filename=\"..\\\\..\u0000\u202E.txt\"\r\nContent-Type: text/plain\r\n\r\n\u0000\u0001\r\n--"
                + boundary + "--\r\n");
        body(cases, "multipart: empty file", method, path, type, "--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"file\"; filename=\"\"\r\n\r\n\r\n--" + boundary + "--\r\n");
        body(cases, "multipart: unterminated", method, path, type, "--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"file\"; filename=\"a.csv\"\r\n\r\nabc");
    }

    enum Mode { WRONG_TYPES, ODD_STRINGS, HUGE_NUMBERS, LONG_STRINGS, NULLS }

    /** A body shaped like the schema with every leaf hostile in the mode's way. */
    JsonNode shaped(JsonNode schemaRef, Mode mode, int depth) {
        JsonNode schema = resolve(schemaRef);
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            schema = resolve(schema.path("allOf").get(0));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (depth > 5) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                if (mode == Mode.WRONG_TYPES && depth > 0) {
                    return NODES.textNode("not an object");
                }
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), shaped(p.getValue(), mode, depth + 1)));
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject()) {
                    object.set(ODD, shaped(additional, mode, depth + 1));
                }
                return object;
            }
            case "array" -> {
                if (mode == Mode.WRONG_TYPES) {
                    return NODES.objectNode().put("not", "an array");
                }
                ArrayNode array = NODES.arrayNode();
                int n = mode == Mode.LONG_STRINGS ? 20 : 2;
                for (int i = 0; i < n; i++) {
                    array.add(shaped(schema.path("items"), mode, depth + 1));
                }
                return array;
            }
            default -> {
                return leaf(type, mode);
            }
        }
    }

    private static JsonNode leaf(String type, Mode mode) {
        boolean numeric = type.equals("integer") || type.equals("number");
        return switch (mode) {
            case WRONG_TYPES -> numeric ? NODES.textNode("twelve") : type.equals("boolean") ? NODES.textNode("maybe")
                    : NODES.numberNode(new BigInteger("123456789012345678901234567890"));
            case ODD_STRINGS -> numeric ? NODES.numberNode(-0.0) : type.equals("boolean") ? NODES.nullNode() : NODES.textNode(ODD);
            case HUGE_NUMBERS -> numeric ? NODES.numberNode(new BigDecimal("1e400"))
                    : NODES.textNode("99999999999999999999999999999999999999");
            case LONG_STRINGS -> numeric ? NODES.numberNode(new BigInteger("9".repeat(900)))
                    : NODES.textNode("\u202E" + "长".repeat(3000));
            case NULLS -> NODES.nullNode();
        };
    }

    private static void body(List<Case> cases, String name, String method, String path, String type, String body) {
        body(cases, name, method, path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void body(List<Case> cases, String name, String method, String path, String type, byte[] body) {
        cases.add(new Case("body " + name, method, path, type, body));
    }

    /** The path with its parameters filled: {@code hostile} (raw) for the one named, valid (encoded) values elsewhere. */
    private static String fill(String path, List<JsonNode> params, String hostileName, String hostile,
                               Function<String, String> valid) {
        String filled = path;
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            String value = name.equals(hostileName) ? hostile
                    : java.net.URLEncoder.encode(valid.apply(name + "@" + path), StandardCharsets.UTF_8).replace("+", "%20");
            filled = filled.replace("{" + name + "}", value);
        }
        return filled;
    }

    /** Follows a {@code $ref} to components. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
