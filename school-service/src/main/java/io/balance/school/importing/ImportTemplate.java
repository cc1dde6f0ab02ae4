package io.balance.school.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The downloadable import template: one row per school, Chinese headers, and (in XLSX) a sheet of notes. */
final class ImportTemplate {
    private ImportTemplate() {
    }

    /** UTF-8 with BOM so that Excel shows the Chinese headers correctly. */
    static byte[] csv() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        for (int i = 0; i < ImportColumns.ALL.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ImportColumns.ALL.get(i).header());
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(String countyName, int year) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Sheet data = wb.createSheet("学校年报");
            Row h = data.createRow(0);
            for (int i = 0; i < ImportColumns.ALL.size(); i++) {
                var cell = h.createCell(i);
                cell.setCellValue(ImportColumns.ALL.get(i).header());
                cell.setCellStyle(header);
                data.setColumnWidth(i, Math.max(12, ImportColumns.ALL.get(i).header().length() * 2 + 2) * 256);
            }
            // school codes and class-size lists are text, never numbers Excel may reformat
            data.setDefaultColumnStyle(0, text);
            for (int i = 0; i < ImportColumns.ALL.size(); i++) {
                ImportColumns.Kind k = ImportColumns.ALL.get(i).kind();
                if (k == ImportColumns.Kind.INT_LIST || k == ImportColumns.Kind.NUMBER_LIST) {
                    data.setDefaultColumnStyle(i, text);
                }
            }
            data.createFreezePane(2, 1);

            Sheet notes = wb.createSheet("填写说明");
            Row t = notes.createRow(0);
            t.createCell(0).setCellValue((countyName == null ? "" : countyName) + " " + year
                    + " 学年学校年报导入模板：每所学校一行；第一张工作表为数据，请勿修改表头。");
            Row nh = notes.createRow(2);
            String[] titles = {"列名", "对应字段", "类型", "说明"};
            for (int i = 0; i < titles.length; i++) {
                var cell = nh.createCell(i);
                cell.setCellValue(titles[i]);
                cell.setCellStyle(header);
            }
            int r = 3;
            for (ImportColumns.Column c : ImportColumns.ALL) {
                Row row = notes.createRow(r++);
                row.createCell(0).setCellValue(c.header());
                row.createCell(1).setCellValue(c.path());
                row.createCell(2).setCellValue(switch (c.kind()) {
                    case TEXT -> "文本";
                    case BOOL -> "是/否";
                    case INT -> "整数";
                    case NUMBER -> "数值";
                    case INT_LIST -> "整数列表";
                    case NUMBER_LIST -> "数值列表";
                });
                row.createCell(3).setCellValue(c.note() == null ? "" : c.note());
            }
            notes.setColumnWidth(0, 36 * 256);
            notes.setColumnWidth(1, 44 * 256);
            notes.setColumnWidth(3, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
