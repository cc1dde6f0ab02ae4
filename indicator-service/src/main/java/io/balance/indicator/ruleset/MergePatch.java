package io.balance.indicator.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386) with one extension for rule sets: an array whose elements are objects with an
 * {@code id} is merged element by element by id (so a variant can change R2 without repeating R1–R7);
 * a patch element with an unknown id is appended, one with {@code "_delete": true} removed.
 */
public final class MergePatch {
    private MergePatch() {
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return target;
        }
        if (patch.isArray() && target != null && target.isArray() && byId((ArrayNode) patch) && byId((ArrayNode) target)) {
            ArrayNode result = ((ArrayNode) target).deepCopy();
            for (JsonNode p : patch) {
                String id = p.get("id").asText();
                int index = indexOf(result, id);
                if (p.path("_delete").asBoolean(false)) {
                    if (index >= 0) {
                        result.remove(index);
                    }
                } else if (index >= 0) {
                    result.set(index, apply(result.get(index), p));
                } else {
                    result.add(p);
                }
            }
            return result;
        }
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    private static boolean byId(ArrayNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode n : array) {
            if (!n.isObject() || !n.hasNonNull("id")) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ArrayNode array, String id) {
        for (int i = 0; i < array.size(); i++) {
            if (id.equals(array.get(i).path("id").asText())) {
                return i;
            }
        }
        return -1;
    }
}
