package io.balance.indicator.ruleset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Creating a rule set or a new version of one (POST /api/v1/rule-sets, PUT /api/v1/rule-sets/{code}).
 * Either a whole {@code document}, or {@code basedOn} an existing set plus a {@code patch} (see {@link MergePatch}).
 *
 * @param jurisdictionCode the province (or city) the set is for; null for a national set (SYSTEM_ADMIN only)
 */
public record RuleSetRequest(
        String code,
        String name,
        String basedOn,
        String jurisdictionCode,
        JsonNode patch,
        JsonNode document) {
}
