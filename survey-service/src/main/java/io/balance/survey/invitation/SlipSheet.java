package io.balance.survey.invitation;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A printable A4 sheet of invitation slips (3 × 4 per page, dashed cut lines), each with its QR code, the
 * link and the code. Chinese text needs a CJK TrueType font on the machine (configured paths, e.g.
 * fonts-wqy-microhei); without one the slip text is ASCII only, which every phone scanner handles the same.
 */
public final class SlipSheet {
    private static final int COLUMNS = 3;
    private static final int ROWS = 4;

    public record Slip(String url, String code) {
    }

    public record Heading(String countyCode, int year, String group, String groupZh, String schoolCode,
            String schoolName) {
    }

    private SlipSheet() {
    }

    public static byte[] pdf(List<Slip> slips, Heading heading, List<String> cjkFontPaths) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont cjk = loadCjk(doc, cjkFontPaths);
            PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDRectangle a4 = PDRectangle.A4;
            float margin = 20;
            float w = (a4.getWidth() - 2 * margin) / COLUMNS;
            float h = (a4.getHeight() - 2 * margin) / ROWS;
            int perPage = COLUMNS * ROWS;
            for (int start = 0; start < slips.size(); start += perPage) {
                PDPage page = new PDPage(a4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (int i = start; i < Math.min(slips.size(), start + perPage); i++) {
                        int k = i - start;
                        float x = margin + (k % COLUMNS) * w;
                        float y = a4.getHeight() - margin - (k / COLUMNS + 1) * h;
                        drawSlip(doc, cs, slips.get(i), heading, x, y, w, h, cjk, latin, bold);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawSlip(PDDocument doc, PDPageContentStream cs, Slip slip, Heading heading, float x, float y,
            float w, float h, PDFont cjk, PDFont latin, PDFont bold) throws IOException {
        cs.setLineDashPattern(new float[] {3, 3}, 0);
        cs.setLineWidth(0.5f);
        cs.addRect(x, y, w, h);
        cs.stroke();
        float qr = Math.min(w, h) - 80;
        PDImageXObject image = LosslessFactory.createFromImage(doc, QrCodes.image(slip.url(), 300));
        cs.drawImage(image, x + (w - qr) / 2, y + 42, qr, qr);
        float top = y + h - 14;
        if (cjk != null) {
            text(cs, cjk, 10, x + 8, top, "义务教育优质均衡 社会认可度调查");
            text(cs, cjk, 8, x + 8, top - 12, "请用手机扫码匿名填写（" + heading.groupZh() + "）");
        } else {
            text(cs, bold, 9, x + 8, top, "Education satisfaction survey");
            text(cs, latin, 7, x + 8, top - 11, "Scan with a phone to answer (anonymous)");
        }
        String who = heading.group() + (heading.schoolCode() == null ? "" : "  school " + heading.schoolCode());
        text(cs, latin, 7, x + 8, y + 30, "County " + heading.countyCode() + " / " + heading.year() + "  " + who);
        text(cs, latin, 6, x + 8, y + 20, fit(slip.url(), latin, 6, w - 16));
        text(cs, bold, 7.5f, x + 8, y + 9, slip.code());
    }

    private static String fit(String s, PDFont font, float size, float width) throws IOException {
        String out = s;
        while (out.length() > 8 && font.getStringWidth(out) / 1000 * size > width) {
            out = out.substring(0, out.length() - 2);
        }
        return out.equals(s) ? s : out + "..";
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** The first configured CJK TrueType font (.ttf or .ttc with TrueType outlines), or null. */
    static PDFont loadCjk(PDDocument doc, List<String> paths) {
        for (String path : paths) {
            File file = new File(path.strip());
            if (!file.isFile()) {
                continue;
            }
            try {
                if (path.toLowerCase().endsWith(".ttc")) {
                    AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                    TrueTypeCollection ttc = new TrueTypeCollection(file);
                    ttc.processAllFonts(f -> first.compareAndSet(null, f));
                    if (first.get() != null) {
                        return PDType0Font.load(doc, first.get(), true);
                    }
                } else {
                    return PDType0Font.load(doc, file);
                }
            } catch (IOException | RuntimeException e) {
                // not a usable TrueType font: try the next one
            }
        }
        return null;
    }
}
