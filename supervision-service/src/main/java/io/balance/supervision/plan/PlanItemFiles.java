package io.balance.supervision.plan;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.department.Department;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Plan items as counties write them (seed 002's 任务分解方案): one row per item with the columns 序号, 类别,
 * 任务, 牵头单位, 配合单位, 完成时限, 指标 (or seq, section, text, lead, cooperating, deadline, ref), in XLSX
 * (first sheet) or UTF-8 CSV. Departments by name or code, several separated by 、 , ，or ；. The export writes
 * the same layout, so an exported file imports unchanged.
 */
public final class PlanItemFiles {
    static final String[] HEADERS = {"序号", "类别", "任务", "牵头单位", "配合单位", "完成时限", "指标"};
    static final String[] FIELDS = {"seq", "section", "text", "lead", "cooperating", "deadline", "ref"};
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private PlanItemFiles() {
    }

    public static boolean isXlsx(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The items of a file; 400 naming {@code rows[i].field} for every cell that cannot be read. */
    public static List<PlanItem> read(byte[] content, List<Department> catalogue) {
        List<List<String>> rows = isXlsx(content) ? xlsxRows(content) : csvRows(content);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "the file has no header row");
        }
        Map<String, Integer> columns = columns(rows.get(0));
        Map<String, String> codes = new HashMap<>();
        for (Department d : catalogue) {
            codes.put(d.code(), d.code());
            codes.put(d.name(), d.code());
        }
        List<FieldError> errors = new ArrayList<>();
        List<PlanItem> items = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String at = "rows[" + (r - 1) + "].";
            Integer seq = null;
            try {
                seq = Integer.valueOf(cell(row, columns, "seq").replaceAll("\\.0+$", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(at + "seq", "line " + (r + 1) + ": not a number: " + cell(row, columns, "seq")));
            }
            String text = cell(row, columns, "text");
            if (text.isBlank()) {
                errors.add(new FieldError(at + "text", "line " + (r + 1) + ": the task text is empty"));
            }
            List<String> lead = departments(cell(row, columns, "lead"), codes);
            if (lead.size() != 1) {
                errors.add(new FieldError(at + "lead", "line " + (r + 1) + ": exactly one lead department, got "
                        + (lead.isEmpty() ? "none" : lead)));
            }
            LocalDate deadline = null;
            String due = cell(row, columns, "deadline");
            if (!due.isBlank()) {
                deadline = date(due);
                if (deadline == null) {
                    errors.add(new FieldError(at + "deadline", "line " + (r + 1) + ": not a date: " + due));
                }
            }
            String section = cell(row, columns, "section");
            String ref = cell(row, columns, "ref");
            items.add(new PlanItem(seq, section.isBlank() ? null : section, text, lead.isEmpty() ? "" : lead.get(0),
                    departments(cell(row, columns, "cooperating"), codes), deadline, ref.isBlank() ? null : ref));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return items;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().replace("\uFEFF", "");
            for (int f = 0; f < FIELDS.length; f++) {
                if (h.equals(HEADERS[f]) || h.equalsIgnoreCase(FIELDS[f])) {
                    columns.put(FIELDS[f], i);
                }
            }
        }
        List<FieldError> missing = new ArrayList<>();
        for (int f : new int[] {0, 2, 3}) {
            if (!columns.containsKey(FIELDS[f])) {
                missing.add(new FieldError("header", "missing column " + HEADERS[f] + " (" + FIELDS[f] + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.validation(missing);
        }
        return columns;
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String field) {
        Integer i = columns.get(field);
        return i == null || i >= row.size() || row.get(i) == null ? "" : row.get(i).trim();
    }

    /** Names or codes to catalogue codes; an unknown one is kept as written so that the check can name it. */
    static List<String> departments(String cell, Map<String, String> codes) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split("[、,，;；]")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(codes.getOrDefault(p, p));
            }
        }
        return out;
    }

    static LocalDate date(String s) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, CHINESE}) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static List<List<String>> csvRows(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(content),
                StandardCharsets.UTF_8))) {
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ProblemException.invalid("file", "not a readable UTF-8 CSV file: " + e.getMessage());
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "not a readable XLSX file");
        }
        return rows;
    }

    public static byte[] xlsx(List<PlanItem> items, List<Department> catalogue) throws IOException {
        Map<String, String> names = names(catalogue);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务分解");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 1;
            for (PlanItem item : items) {
                String[] values = values(item, names);
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(item.seq());
                for (int i = 1; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            sheet.setColumnWidth(2, 60 * 256);
            book.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] csv(List<PlanItem> items, List<Department> catalogue) throws IOException {
        Map<String, String> names = names(catalogue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) HEADERS);
            for (PlanItem item : items) {
                printer.printRecord((Object[]) values(item, names));
            }
        }
        return out.toByteArray();
    }

    private static String[] values(PlanItem i, Map<String, String> names) {
        List<String> co = i.cooperatingOrEmpty().stream().map(c -> names.getOrDefault(c, c)).toList();
        return new String[] {String.valueOf(i.seq()), i.section() == null ? "" : i.section(), i.text(),
                names.getOrDefault(i.lead(), i.lead()), String.join("、", co),
                i.deadline() == null ? "" : i.deadline().toString(), i.ref() == null ? "" : i.ref()};
    }

    private static Map<String, String> names(List<Department> catalogue) {
        Map<String, String> names = new HashMap<>();
        catalogue.forEach(d -> names.put(d.code(), d.name()));
        return names;
    }
}
