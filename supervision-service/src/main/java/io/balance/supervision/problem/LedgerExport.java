package io.balance.supervision.problem;

import io.balance.supervision.department.Department;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ledger as counties send it upward (问题台账): 序号, 问题, 学校, 指标, 差距, 责任单位, 责任人, 整改时限,
 * 状态, 佐证 — one row per problem, in ledger order.
 */
public final class LedgerExport {
    static final String[] HEADERS = {"序号", "问题", "学校", "指标", "差距", "责任单位", "责任人", "整改时限", "状态", "佐证"};

    private LedgerExport() {
    }

    public static String status(ProblemStatus s) {
        return switch (s) {
            case OPEN -> "待整改";
            case RECTIFYING -> "整改中";
            case RECTIFIED -> "已整改";
            case VERIFIED -> "已销号";
            case REOPENED -> "重新整改";
        };
    }

    /** @param evidence problem id → the file names of its evidence */
    public static byte[] xlsx(List<ProblemView> problems, List<Department> catalogue, Map<Long, List<String>> evidence)
            throws IOException {
        Map<String, String> names = new HashMap<>();
        catalogue.forEach(d -> names.put(d.code(), d.name()));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("问题台账");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (ProblemView p : problems) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue(p.title());
                row.createCell(2).setCellValue(p.schoolName() != null ? p.schoolName() + "（" + p.schoolCode() + "）"
                        : p.schoolCode() == null ? "" : p.schoolCode());
                row.createCell(3).setCellValue(p.ref() == null ? "" : p.ref());
                row.createCell(4).setCellValue(p.gap() == null || p.gap().amount() == null ? ""
                        : p.gap().amount().toPlainString() + " " + Labels.unit(p.gap().unit()));
                row.createCell(5).setCellValue(p.department() == null ? "" : names.getOrDefault(p.department(), p.department()));
                row.createCell(6).setCellValue(p.owner() == null ? "" : p.owner());
                row.createCell(7).setCellValue(p.deadline() == null ? "" : p.deadline().toString());
                row.createCell(8).setCellValue(status(p.status()) + (p.overdue() ? "（逾期）" : ""));
                row.createCell(9).setCellValue(String.join("、", evidence.getOrDefault(p.id(), List.of())));
                r++;
            }
            sheet.setColumnWidth(1, 60 * 256);
            sheet.setColumnWidth(2, 30 * 256);
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        }
    }
}
