package io.balance.supervision.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * What an uploaded file really is, from its bytes (magic numbers, Apache Tika), never from what the client
 * says: a PDF named {@code photo.png} is a PDF and is refused as mislabelled. An Office file is a ZIP: it counts
 * as XLSX or DOCX only when the archive holds the workbook or the document part.
 */
public final class ContentCheck {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String OOXML = "application/x-tika-ooxml";
    static final String ZIP = "application/zip";
    private static final Tika TIKA = new Tika();

    private ContentCheck() {
    }

    /** The accepted type, or why the file is refused (one sentence for the 400's field error). */
    public record Verdict(String contentType, String refusal) {
    }

    public static Verdict check(byte[] content, String filename, String declared, List<String> allowed) {
        if (content.length == 0) {
            return new Verdict(null, "the file is empty");
        }
        String detected;
        try (InputStream in = new ByteArrayInputStream(content)) {
            detected = TIKA.detect(in, filename);
        } catch (IOException e) {
            return new Verdict(null, "the file cannot be read");
        }
        if (detected.equals(XLSX) || detected.equals(DOCX) || detected.equals(OOXML) || detected.equals(ZIP)) {
            // an Office file is a ZIP: which one it is, is in its parts, not in its name
            String byParts = hasEntry(content, "xl/workbook.xml") ? XLSX : hasEntry(content, "word/document.xml") ? DOCX : null;
            if (byParts == null) {
                return new Verdict(null, "the content is a ZIP archive that is neither an XLSX workbook nor a DOCX document");
            }
            detected = byParts;
        }
        if (!allowed.contains(detected)) {
            return new Verdict(null, "the content is " + detected + "; accepted are PDF, PNG, JPEG, XLSX and DOCX");
        }
        String byName = filename == null ? MediaType.OCTET_STREAM.toString() : TIKA.detect(filename);
        if (!byName.equals(MediaType.OCTET_STREAM.toString()) && !byName.equals(detected)) {
            return new Verdict(null, "mislabelled: the name " + filename + " says " + byName + " but the content is " + detected);
        }
        String claimed = declared == null ? null : MediaType.parse(declared) == null ? declared
                : MediaType.parse(declared).getBaseType().toString();
        if (claimed != null && !claimed.equals(MediaType.OCTET_STREAM.toString()) && !claimed.equals(detected)) {
            return new Verdict(null, "mislabelled: declared " + claimed + " but the content is " + detected);
        }
        return new Verdict(detected, null);
    }

    private static boolean hasEntry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
