package io.balance.gateway.routing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one meaning of a request path. The raw path is percent-decoded exactly once (strict UTF-8, so overlong and
 * invalid sequences fail); anything a later hop could read differently is refused: encoded slashes, backslashes and
 * percent signs (a second decoding), dot segments, empty segments, matrix parameters ({@code ;}), control
 * characters (NUL included) and raw non-ASCII. The gateway classifies, authorises, rate-limits and routes on
 * {@link #decoded()} and forwards {@link #encoded()}, so every hop sees the same path.
 *
 * @param decoded the path after one decoding
 * @param encoded the same path re-encoded in one canonical way (what is forwarded)
 */
public record CanonicalPath(String decoded, String encoded) {
    /** Why a raw path has no single meaning (a 400). */
    public static final class Ambiguous extends Exception {
        Ambiguous(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Unreserved and sub-delimiter characters (RFC 3986) kept as they are in a segment; {@code ;} is not among them. */
    private static final boolean[] KEEP = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            KEEP[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            KEEP[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            KEEP[c] = true;
        }
        for (char c : "-._~!$&'()*+,=:@".toCharArray()) {
            KEEP[c] = true;
        }
    }

    /** The canonical form of {@code raw} (a request path without its query), or {@link Ambiguous}. */
    public static CanonicalPath of(String raw) throws Ambiguous {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            throw new Ambiguous("the path must start with /");
        }
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                escaped = true;
            } else if (c != '/' && (c >= 128 || !KEEP[c])) {
                throw new Ambiguous(c == ';' ? "matrix parameters (;) are not accepted in paths"
                        : c == '\\' ? "backslashes are not accepted in paths"
                        : "character " + printable(c) + " must be percent-encoded");
            }
        }
        String decoded = escaped ? decode(raw) : raw;
        checkSegments(decoded);
        return new CanonicalPath(decoded, escaped ? encode(decoded) : raw);
    }

    private static String decode(String raw) throws Ambiguous {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes[n++] = (byte) c;
                continue;
            }
            int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new Ambiguous("invalid percent-escape at position " + i);
            }
            int b = hi << 4 | lo;
            if (b == '/' || b == '\\' || b == '%') {
                throw new Ambiguous("encoded " + (char) b + " is not accepted in paths");
            }
            if (b < 0x20 || b == 0x7f) {
                throw new Ambiguous("control characters are not accepted in paths");
            }
            bytes[n++] = (byte) b;
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new Ambiguous("the path is not valid UTF-8 once decoded");
        }
    }

    /** No empty segment (except a trailing slash), no {@code .} or {@code ..}, no C1 controls. */
    private static void checkSegments(String decoded) throws Ambiguous {
        int start = 1;
        int length = decoded.length();
        while (start <= length) {
            int end = decoded.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            int size = end - start;
            if (size == 0 && end < length) {
                throw new Ambiguous("empty path segments (//) are not accepted");
            }
            if ((size == 1 && decoded.charAt(start) == '.')
                    || (size == 2 && decoded.charAt(start) == '.' && decoded.charAt(start + 1) == '.')) {
                throw new Ambiguous("dot segments (. and ..) are not accepted");
            }
            start = end + 1;
        }
        for (int i = 0; i < length; i++) {
            char c = decoded.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                throw new Ambiguous("control characters are not accepted in paths");
            }
        }
    }

    private static String encode(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 16);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/' || (c < 128 && KEEP[c])) {
                out.append(c);
                continue;
            }
            int cp = decoded.codePointAt(i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String printable(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
