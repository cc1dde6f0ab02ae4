package io.balance.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build-time merge of every module's document (the same merge the gateway serves at {@code /q/openapi})
 * is a valid OpenAPI document: swagger-parser, the parser OpenAPI Generator itself validates with, reports nothing,
 * and every reference points at a component that exists.
 */
class MergedDocumentLintTest {
    @Test
    void theParserReportsNoErrors() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(MergedDocument.path().toUri().toString(), null, options);
        assertTrue(result.getOpenAPI() != null, "not parsed at all: " + result.getMessages());
        assertEquals(List.of(), result.getMessages(), "swagger-parser's messages on " + MergedDocument.path());
        assertFalse(result.getOpenAPI().getPaths().isEmpty(), "no paths");
    }

    @Test
    void everyReferenceResolves() {
        JsonNode document = MergedDocument.read();
        List<String> dangling = new ArrayList<>();
        collectDangling(document, document, "", dangling);
        assertEquals(List.of(), dangling, "references to components that do not exist");
    }

    /** Every {@code {name}} of a path template is declared as a required path parameter of each of its operations. */
    @Test
    void pathParametersAreDeclared() {
        JsonNode document = MergedDocument.read();
        List<String> undeclared = new ArrayList<>();
        for (MergedDocument.Operation op : MergedDocument.operations(document)) {
            java.util.Set<String> declared = new java.util.HashSet<>();
            for (JsonNode level : List.of(document.path("paths").path(op.path()).path("parameters"),
                    op.node().path("parameters"))) {
                for (JsonNode parameter : level) {
                    JsonNode p = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
                    if ("path".equals(p.path("in").asText()) && p.path("required").asBoolean(false)) {
                        declared.add(p.path("name").asText());
                    }
                }
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
            while (m.find()) {
                if (!declared.contains(m.group(1))) {
                    undeclared.add(op.name() + ": {" + m.group(1) + "}");
                }
            }
        }
        assertEquals(List.of(), undeclared, "path template parameters without a required path parameter");
    }

    @Test
    void containsEveryServicesPaths() {
        JsonNode paths = MergedDocument.read().path("paths");
        // one path owned by each module: the merge took every stored document, routed as the gateway routes
        for (String path : List.of("/api/v1/auth/token", "/api/v1/schools/{schoolCode}",
                "/api/v1/counties/{countyCode}/evaluations/{year}", "/api/v1/surveys")) {
            assertTrue(paths.has(path), path + " missing from the merged document");
        }
        assertFalse(MergedDocument.read().path("info").has("x-balance-unavailable"), "a module's document was left out");
    }

    private static void collectDangling(JsonNode root, JsonNode node, String at, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (!target.startsWith("#/") || root.at(target.substring(1)).isMissingNode()) {
                    dangling.add(at + " → " + target);
                }
            }
            for (var fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectDangling(root, field.getValue(), at + "/" + field.getKey(), dangling);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDangling(root, node.get(i), at + "/" + i, dangling);
            }
        }
    }
}
