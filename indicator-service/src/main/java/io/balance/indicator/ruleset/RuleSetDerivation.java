package io.balance.indicator.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A variant's document: its base set's document with the variant's merge patch applied and its own identity. */
public final class RuleSetDerivation {
    private RuleSetDerivation() {
    }

    /**
     * @param base  the base set's document (not changed)
     * @param patch a JSON merge patch ({@link MergePatch}); null for a copy
     */
    public static ObjectNode derive(JsonNode base, JsonNode patch, String code, int version, String name, String basedOn,
            String jurisdictionCode) {
        ObjectNode doc = ((ObjectNode) MergePatch.apply(base, patch)).deepCopy();
        doc.put("code", code);
        doc.put("version", version);
        if (name != null) {
            doc.put("name", name);
        }
        if (basedOn != null) {
            doc.put("basedOn", basedOn);
        } else {
            doc.remove("basedOn");
        }
        if (jurisdictionCode != null) {
            doc.put("jurisdictionCode", jurisdictionCode);
        } else {
            doc.remove("jurisdictionCode");
        }
        return doc;
    }
}
