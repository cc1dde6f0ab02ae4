package io.balance.gateway.routing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which service owns a path: the routing table of docs/architecture.md as data, first match wins.
 * Service names are the keys of {@code balance.services.<name>.url}.
 */
public final class RouteTable {
    public record Rule(Pattern path, String service) {
    }

    private static final String SEGMENT = "[^/]+";
    private static final String REST = "(/.*)?";

    public static final List<Rule> RULES = List.of(
            // the gateway's own endpoints (resources in this module)
            rule("/api/v1/(auth|users|clients|audit)" + REST, GatewayRoute.GATEWAY),
            rule("/api/v1/jurisdictions" + REST, "school"),
            // checked before the general school rule
            rule("/api/v1/schools/" + SEGMENT + "/indicators" + REST, "indicator"),
            rule("/api/v1/schools" + REST, "school"),
            rule("/api/v1/counties/" + SEGMENT + "/reports" + REST, "school"),
            rule("/api/v1/counties/" + SEGMENT + "/(evaluations|findings)" + REST, "indicator"),
            rule("/api/v1/(rule-sets|rollups)" + REST, "indicator"),
            // supervision.md §6: targets, departments, plan items, the problem ledger and its exports, reviews
            rule("/api/v1/counties/" + SEGMENT + "/(departments|targets|problems|plan-items|reviews)(\\.xlsx|\\.csv)?" + REST,
                    "supervision"),
            rule("/api/v1/(problems|evidence)" + REST, "supervision"),
            rule("/api/v1/(surveys|public)" + REST, "survey"),
            rule("/s" + REST, "survey"));

    private RouteTable() {
    }

    private static Rule rule(String regex, String service) {
        return new Rule(Pattern.compile(regex), service);
    }

    /** The owning service's name, {@link GatewayRoute#GATEWAY} for the gateway's own endpoints, or null. */
    public static String serviceFor(String path) {
        for (Rule rule : RULES) {
            if (rule.path().matcher(path).matches()) {
                return rule.service();
            }
        }
        return null;
    }

    /** Bulk imports and evidence files may be large: they get the import size limit and are streamed. */
    public static boolean isImport(String path) {
        return path.matches("/api/v1/counties/" + SEGMENT + "/reports/" + SEGMENT + "/import(/.*)?")
                || path.matches("/api/v1/counties/" + SEGMENT + "/plan-items/import")
                || path.matches("/api/v1/problems/" + SEGMENT + "/evidence");
    }
}
