package io.balance.supervision.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.kit.problem.FieldError;
import java.math.BigDecimal;
import java.util.List;

/** Reads one figure of an approved report by its dotted path; names what is wrong with a path that has none. */
final class ReportFields {
    private ReportFields() {
    }

    /** The figure at {@code path}, or null after adding an error for {@code observed.<path>}. */
    static BigDecimal figure(JsonNode report, String path, List<FieldError> errors) {
        JsonNode n = report;
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                n = null;
                break;
            }
            n = n.isArray() && segment.matches("\\d{1,3}") ? n.get(Integer.parseInt(segment)) : n.get(segment);
            if (n == null || n.isNull()) {
                break;
            }
        }
        if (n == null || n.isNull()) {
            errors.add(new FieldError("observed." + path, "is not a field of the approved report"));
            return null;
        }
        if (!n.isNumber()) {
            errors.add(new FieldError("observed." + path, "is not a single figure of the report (a list or a group)"));
            return null;
        }
        return n.decimalValue();
    }

    /** PRIMARY or JUNIOR when the path names a stage, else null (whole-school facilities). */
    static String stageOf(String path) {
        for (String stage : List.of("PRIMARY", "JUNIOR")) {
            if (path.contains("." + stage)) {
                return stage;
            }
        }
        return null;
    }
}
