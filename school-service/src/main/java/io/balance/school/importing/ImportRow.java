package io.balance.school.importing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One school of an import: {@code {"school": {...}, "report": {...}}} and where it came from.
 *
 * @param row 1-based: the array element for JSON, the sheet row (header = row 1) for CSV and XLSX
 */
public record ImportRow(int row, JsonNode node) {
}
