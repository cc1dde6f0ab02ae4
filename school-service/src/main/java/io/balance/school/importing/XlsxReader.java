package io.balance.school.importing;

import io.balance.kit.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook laid out like the template. Streams the sheet XML (SAX) instead
 * of building the whole workbook in memory: a 3,000-row sheet parses several times faster, and an oversized
 * upload is stopped at {@code maxRows} instead of filling the heap. POI's zip-bomb guard stays on.
 */
final class XlsxReader {
    private XlsxReader() {
    }

    /** Stops the SAX parse once the row limit is passed. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    static List<ImportRow> read(byte[] bytes, int maxRows) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ProblemException.invalid("(file)", "the workbook has no sheet");
            }
            Collector collector = new Collector(maxRows);
            try (InputStream sheet = sheets.next()) {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                // no DTDs or external entities in an uploaded file
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                XMLReader xml = factory.newSAXParser().getXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                        new ReadOnlySharedStringsTable(pkg), collector, new PlainNumbers(), false));
                xml.parse(new InputSource(sheet));
            } catch (TooManyRows e) {
                throw ProblemException.invalid("(file)", "more than " + maxRows + " rows; split the file");
            }
            if (collector.columns == null) {
                throw ProblemException.invalid("(file)", "the first sheet is empty; it needs the template's header row");
            }
            return collector.rows;
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.invalid("(file)", "not a readable XLSX workbook: " + e.getClass().getSimpleName());
        }
    }

    /** Rows as the template reads them: the first non-blank row is the header, each later one a school. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        final List<ImportRow> rows = new ArrayList<>();
        List<ImportColumns.Column> columns;
        private final List<String> cells = new ArrayList<>();

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (FlatRows.blank(cells)) {
                return;
            }
            if (columns == null) {
                columns = FlatRows.header(cells);
                return;
            }
            if (rows.size() >= maxRows) {
                throw new TooManyRows();
            }
            rows.add(FlatRows.row(rowNum + 1, columns, new ArrayList<>(cells)));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /**
     * Numbers as their plain value whatever the cell's display format: Excel stores 4103290001 as a double and
     * may show 13067.6 as "13,068"; print integral numbers without ".0" or an exponent, never rounded.
     */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
