package io.balance.supervision.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The type of a file comes from its bytes; name and declared type must agree with them. */
class ContentCheckTest {
    static final List<String> ALLOWED = List.of("application/pdf", "image/png", "image/jpeg", ContentCheck.XLSX, ContentCheck.DOCX);
    static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};

    @Test
    void acceptsByContent() {
        assertEquals("application/pdf", ContentCheck.check(PDF, "证明.pdf", "application/pdf", ALLOWED).contentType());
        assertEquals("application/pdf", ContentCheck.check(PDF, "证明", null, ALLOWED).contentType());
        assertEquals("image/jpeg", ContentCheck.check(JPEG, "a.jpg", "image/jpeg; charset=x", ALLOWED).contentType());
    }

    @Test
    void refusesMislabelledEmptyAndOtherTypes() {
        ContentCheck.Verdict named = ContentCheck.check(PDF, "photo.png", "application/octet-stream", ALLOWED);
        assertNull(named.contentType());
        assertTrue(named.refusal().startsWith("mislabelled"), named.refusal());
        ContentCheck.Verdict declared = ContentCheck.check(JPEG, "scan", "application/pdf", ALLOWED);
        assertTrue(declared.refusal().contains("declared application/pdf"), declared.refusal());
        assertEquals("the file is empty", ContentCheck.check(new byte[0], "a.pdf", null, ALLOWED).refusal());
        assertTrue(ContentCheck.check("<html></html>".getBytes(), "a.html", "text/html", ALLOWED).refusal()
                .contains("accepted are"));
    }
}
