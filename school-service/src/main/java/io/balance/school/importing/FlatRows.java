package io.balance.school.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.balance.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the cells of one spreadsheet row into the contract's JSON row, so that CSV, XLSX and JSON imports
 * go through exactly the same validation. A cell that cannot be read as the column's kind is passed on as
 * text, and validation then names the field and shows the value.
 */
final class FlatRows {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;；、|,，\\s]+");

    private FlatRows() {
    }

    /** Maps the header cells to columns; unknown or repeated headers are a 400 for the whole file. */
    static List<ImportColumns.Column> header(List<String> cells) {
        List<ImportColumns.Column> columns = new ArrayList<>();
        List<io.balance.kit.problem.FieldError> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i) == null ? "" : cells.get(i).strip();
            if (h.isEmpty()) {
                columns.add(null);
                continue;
            }
            ImportColumns.Column c = ImportColumns.byHeader(h);
            if (c == null) {
                errors.add(new io.balance.kit.problem.FieldError("header[" + (i + 1) + "]",
                        "unknown column \"" + h + "\"; download the template for the expected headers"));
            } else if (!seen.add(c.path())) {
                errors.add(new io.balance.kit.problem.FieldError("header[" + (i + 1) + "]",
                        "column \"" + h + "\" appears twice"));
            }
            columns.add(c);
        }
        if (!seen.contains("school.schoolCode")) {
            errors.add(new io.balance.kit.problem.FieldError("header", "the column 学校标识码 is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return columns;
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    static ImportRow row(int rowNumber, List<ImportColumns.Column> columns, List<String> cells) {
        ObjectNode root = F.objectNode();
        ObjectNode school = root.putObject("school");
        ObjectNode report = root.putObject("report");
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            ImportColumns.Column c = columns.get(i);
            String v = cells.get(i) == null ? "" : cells.get(i).strip();
            if (c == null || v.isEmpty()) {
                continue;
            }
            String[] path = c.path().split("\\.");
            ObjectNode parent = path[0].equals("school") ? school : report;
            for (int p = 1; p < path.length - 1; p++) {
                JsonNode next = parent.get(path[p]);
                parent = next instanceof ObjectNode o ? o : parent.putObject(path[p]);
            }
            parent.set(path[path.length - 1], value(c.kind(), v));
        }
        // facilities are required; leave the object so validation names each missing figure
        if (!report.has("facilities")) {
            report.putObject("facilities");
        }
        if (!report.has("students")) {
            report.putObject("students");
        }
        if (!report.has("teachers")) {
            report.putObject("teachers");
        }
        return new ImportRow(rowNumber, root);
    }

    static JsonNode value(ImportColumns.Kind kind, String v) {
        return switch (kind) {
            case TEXT -> TextNode.valueOf(v);
            case BOOL -> bool(v);
            case INT, NUMBER -> number(v);
            case INT_LIST, NUMBER_LIST -> {
                ArrayNode a = F.arrayNode();
                for (String token : LIST_SEPARATORS.split(v)) {
                    if (!token.isEmpty()) {
                        a.add(number(token));
                    }
                }
                yield a;
            }
        };
    }

    static JsonNode number(String raw) {
        String v = raw.strip();
        if (THOUSANDS.matcher(v).matches()) {
            v = v.replace(",", "").replace("，", "");
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
                try {
                    return LongNode.valueOf(d.longValueExact());
                } catch (ArithmeticException e) {
                    return DecimalNode.valueOf(d);
                }
            }
            return DecimalNode.valueOf(d);
        } catch (NumberFormatException e) {
            return TextNode.valueOf(raw);
        }
    }

    static JsonNode bool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "是", "true", "y", "yes", "1", "公办", "寄宿", "寄宿制" -> BooleanNode.TRUE;
            case "否", "false", "n", "no", "0", "民办", "非寄宿", "走读" -> BooleanNode.FALSE;
            default -> TextNode.valueOf(v);
        };
    }
}
