package io.balance.gateway.routing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which service owns a path: the routing table of docs/architecture.md as data, first match wins.
 * Service names are the keys of {@code balance.services.<name>.url}; {@code template} labels the route in metrics
 * (never the raw path, which may carry an invitation code).
 */
public final class RouteTable {
    public record Rule(Pattern path, String service, String template) {
    }

    private static final String SEGMENT = "[^/]+";
    private static final String REST = "(/.*)?";
    /** Bulk imports and evidence files. */
    private static final Pattern IMPORT = Pattern.compile("/api/v1/counties/" + SEGMENT + "/reports/" + SEGMENT
            + "/import(/.*)?|/api/v1/counties/" + SEGMENT + "/plan-items/import|/api/v1/problems/" + SEGMENT + "/evidence");

    public static final List<Rule> RULES = List.of(
            // the gateway's own endpoints (resources in this module)
            rule("/api/v1/(auth|users|clients|audit)" + REST, GatewayRoute.GATEWAY, "/api/v1/{gateway}/**"),
            rule("/api/v1/jurisdictions" + REST, "school", "/api/v1/jurisdictions/**"),
            // checked before the general school rule
            rule("/api/v1/schools/" + SEGMENT + "/indicators" + REST, "indicator", "/api/v1/schools/{school}/indicators/**"),
            rule("/api/v1/schools" + REST, "school", "/api/v1/schools/**"),
            rule("/api/v1/counties/" + SEGMENT + "/reports" + REST, "school", "/api/v1/counties/{county}/reports/**"),
            rule("/api/v1/counties/" + SEGMENT + "/(evaluations|findings)" + REST, "indicator",
                    "/api/v1/counties/{county}/evaluations-findings/**"),
            rule("/api/v1/(rule-sets|rollups)" + REST, "indicator", "/api/v1/rule-sets-rollups/**"),
            // supervision.md §6: targets, departments, plan items, the problem ledger and its exports, reviews
            rule("/api/v1/counties/" + SEGMENT + "/(departments|targets|problems|plan-items|reviews)(\\.xlsx|\\.csv)?" + REST,
                    "supervision", "/api/v1/counties/{county}/supervision/**"),
            rule("/api/v1/(problems|evidence)" + REST, "supervision", "/api/v1/problems-evidence/**"),
            // the public announcement (公示) and its objections: before the survey's public rule
            rule("/api/v1/public/publications" + REST, "supervision", "/api/v1/public/publications/**"),
            rule("/p" + REST, "supervision", "/p/{county}/{year}"),
            rule("/api/v1/(surveys|public)" + REST, "survey", "/api/v1/surveys-public/**"),
            rule("/s" + REST, "survey", "/s/{code}"));

    private RouteTable() {
    }

    private static Rule rule(String regex, String service, String template) {
        return new Rule(Pattern.compile(regex), service, template);
    }

    /** The first rule matching a canonical path, or null. */
    public static Rule ruleFor(String path) {
        for (Rule rule : RULES) {
            if (rule.path().matcher(path).matches()) {
                return rule;
            }
        }
        return null;
    }

    /** The owning service's name, {@link GatewayRoute#GATEWAY} for the gateway's own endpoints, or null. */
    public static String serviceFor(String path) {
        Rule rule = ruleFor(path);
        return rule == null ? null : rule.service();
    }

    /** Bulk imports and evidence files may be large: they get the import size limit and are streamed. */
    public static boolean isImport(String path) {
        return IMPORT.matcher(path).matches();
    }
}
