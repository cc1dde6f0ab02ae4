package io.balance.school.importing;

import io.balance.school.common.ProblemException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the first sheet of an XLSX workbook laid out like the template. */
final class XlsxReader {
    private XlsxReader() {
    }

    static List<ImportRow> read(byte[] bytes, int maxRows) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ProblemException.invalid("(file)", "the workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<ImportColumns.Column> columns = null;
            List<ImportRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = cells(row);
                if (FlatRows.blank(cells)) {
                    continue;
                }
                if (columns == null) {
                    columns = FlatRows.header(cells);
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw ProblemException.invalid("(file)", "more than " + maxRows + " rows; split the file");
                }
                rows.add(FlatRows.row(row.getRowNum() + 1, columns, cells));
            }
            if (columns == null) {
                throw ProblemException.invalid("(file)", "the first sheet is empty; it needs the template's header row");
            }
            return rows;
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.invalid("(file)", "not a readable XLSX workbook: " + e.getClass().getSimpleName());
        }
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        int last = row.getLastCellNum();
        for (int i = 0; i < last; i++) {
            Cell cell = row.getCell(i);
            out.add(cell == null ? "" : text(cell, cell.getCellType()));
        }
        return out;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            // Excel stores 4103290001 as a double: print integral numbers without ".0" or an exponent
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            default -> "";
        };
    }
}
