package io.balance.school.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.balance.school.common.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as the API shows it.
 *
 * @param submit whether accepted reports were also submitted (otherwise they are DRAFTs)
 * @param errors the rejected rows; each was stored not at all
 */
public record ImportJobView(UUID id, String countyCode, int year, String format, boolean submit,
                            ImportJob.Status status, int totalRows, int processedRows, int acceptedRows,
                            int rejectedRows, List<RowError> errors, String failure, String createdBy,
                            Instant createdAt, Instant startedAt, Instant finishedAt, String location) {

    /** A rejected row: its number (array element or sheet row), its school code if readable, and every problem. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowError(int row, String schoolCode, List<CellError> errors) {
    }

    /** A field of a rejected row; {@code column} is the spreadsheet header (CSV and XLSX). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellError(String field, String column, String message) {
    }

    static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
    };

    static ImportJobView of(ImportJob j) {
        List<RowError> errors;
        try {
            errors = Json.MAPPER.readValue(j.rowErrors == null ? "[]" : j.rowErrors, ERRORS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ImportJobView(j.id, j.countyCode, j.year, j.format, j.submit, j.status, j.totalRows,
                j.processedRows, j.acceptedRows, j.rejectedRows, errors, j.failure, j.createdBy, j.createdAt,
                j.startedAt, j.finishedAt, location(j));
    }

    static String location(ImportJob j) {
        return "/api/v1/counties/" + j.countyCode + "/reports/" + j.year + "/import/" + j.id;
    }
}
