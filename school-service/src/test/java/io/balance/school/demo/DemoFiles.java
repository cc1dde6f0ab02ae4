package io.balance.school.demo;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.balance.school.importing.ImportColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders the demo county as the files under {@code demo/}: request files in load order plus their bodies. */
public final class DemoFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private DemoFiles() {
    }

    /** Relative path under demo/ → content. */
    public static Map<String, String> render() {
        Map<String, String> files = new TreeMap<>();
        StringBuilder registry = new StringBuilder()
                .append("# 伊水县 (a fictional demo county, 示范省示范市): the jurisdictions, then its 40 schools.\n")
                .append("# Loaded once by LocalStack in name order with a SYSTEM_ADMIN token; see demo/README.md.\n");
        jurisdiction(files, registry, DemoCounty.PROVINCE, json("name", "示范省", "level", "PROVINCE"));
        jurisdiction(files, registry, DemoCounty.CITY, json("name", "示范市", "level", "CITY",
                "parentCode", DemoCounty.PROVINCE));
        jurisdiction(files, registry, DemoCounty.COUNTY, json("name", "伊水县", "level", "COUNTY",
                "parentCode", DemoCounty.CITY, "residentPopulation", DemoCounty.POPULATION,
                "urbanPopulation", DemoCounty.URBAN_POPULATION, "townPopulation", DemoCounty.TOWN_POPULATION,
                "ruralPopulation", DemoCounty.RURAL_POPULATION));
        StringBuilder reports = new StringBuilder()
                .append("# The 2025 annual reports of 伊水县: draft, submit, approve — through the normal review,\n")
                .append("# so every approval publishes ReportApprovedV1 on school.reports.v1.\n");
        for (DemoCounty.Spec s : DemoCounty.SCHOOLS) {
            String school = "registry/schools/" + s.code() + ".json";
            files.put(school, pretty(DemoCounty.school(s, DemoCounty.COUNTY)));
            registry.append("PUT /api/v1/schools/").append(s.code()).append(" @").append(school)
                    .append(" application/json\n");
            String report = "reports/" + DemoCounty.YEAR + "/" + s.code() + ".json";
            files.put(report, pretty(DemoCounty.report(s)));
            String base = "/api/v1/schools/" + s.code() + "/reports/" + DemoCounty.YEAR;
            reports.append("# ").append(s.name()).append('\n')
                    .append("PUT ").append(base).append(" @").append(report).append(" application/json\n")
                    .append("POST ").append(base).append("/submit\n")
                    .append("POST ").append(base).append("/approve\n");
        }
        files.put("10-registry.requests", registry.toString());
        files.put("20-reports-2025.requests", reports.toString());
        ArrayNode rows = DemoCounty.importRows(DemoCounty.SCHOOLS, DemoCounty.COUNTY, seq -> DemoCounty.schoolCode(DemoCounty.COUNTY, seq));
        files.put("import/999901-2025.json", pretty(rows));
        files.put("import/999901-2025.csv", csv(rows));
        return files;
    }

    /** The same rows in the CSV import layout (UTF-8 with BOM, Chinese headers). */
    public static String csv(ArrayNode rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        List<String> headers = new ArrayList<>();
        ImportColumns.ALL.forEach(c -> headers.add(c.header()));
        sb.append(String.join(",", headers)).append("\r\n");
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (ImportColumns.Column c : ImportColumns.ALL) {
                JsonNode v = row;
                for (String part : c.path().split("\\.")) {
                    v = v == null ? null : v.get(part);
                }
                if (v == null || v.isNull()) {
                    cells.add("");
                } else if (v.isArray()) {
                    List<String> items = new ArrayList<>();
                    v.forEach(i -> items.add(i.asText()));
                    cells.add(String.join(";", items));
                } else if (v.isBoolean()) {
                    cells.add(v.asBoolean() ? "是" : "否");
                } else if (c.path().equals("school.type")) {
                    cells.add(io.balance.school.registry.SchoolType.valueOf(v.asText()).label);
                } else if (c.path().equals("school.location")) {
                    cells.add(io.balance.contracts.Location.valueOf(v.asText()).label);
                } else {
                    cells.add(v.asText());
                }
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static void jurisdiction(Map<String, String> files, StringBuilder requests, String code, JsonNode body) {
        String file = "registry/jurisdictions/" + code + ".json";
        files.put(file, pretty(body));
        requests.append("PUT /api/v1/jurisdictions/").append(code).append(" @").append(file).append(" application/json\n");
    }

    private static JsonNode json(Object... kv) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            node.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
        }
        return node;
    }

    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
