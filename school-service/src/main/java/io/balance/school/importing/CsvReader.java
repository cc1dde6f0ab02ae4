package io.balance.school.importing;

import io.balance.kit.problem.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV uploads, parsed by Commons CSV. UTF-8 with or without BOM; a file that is not UTF-8 is read as GB18030,
 * which is what Excel on a Chinese Windows saves.
 */
final class CsvReader {
    private CsvReader() {
    }

    static List<ImportRow> read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        List<List<String>> records = parse(text);
        int headerIndex = 0;
        while (headerIndex < records.size() && FlatRows.blank(records.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == records.size()) {
            throw ProblemException.invalid("(file)", "the CSV file is empty; it needs the template's header row");
        }
        List<ImportColumns.Column> columns = FlatRows.header(records.get(headerIndex));
        List<ImportRow> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < records.size(); i++) {
            if (FlatRows.blank(records.get(i))) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw ProblemException.invalid("(file)", "more than " + maxRows + " rows; split the file");
            }
            rows.add(FlatRows.row(i + 1, columns, records.get(i)));
        }
        return rows;
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /**
     * Splits into records of fields with Commons CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF); the
     * delimiter (comma, semicolon or tab) is taken from the first line. Blank lines stay records, so that a
     * record's index + 1 is the row number people see in their spreadsheet.
     */
    static List<List<String>> parse(String text) {
        int firstLineEnd = text.indexOf('\n');
        String first = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char delimiter = ',';
        long commas = first.chars().filter(c -> c == ',').count();
        if (first.chars().filter(c -> c == '\t').count() > commas) {
            delimiter = '\t';
        } else if (first.chars().filter(c -> c == ';').count() > commas) {
            delimiter = ';';
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord r : parser) {
                records.add(r.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.invalid("(file)", "a quoted CSV field is not closed (row " + (records.size() + 1) + ")");
        }
        return records;
    }
}
