package io.balance.survey.invitation;

import io.balance.survey.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Invitation codes: 160 random bits from SecureRandom, written in RFC 4648 base32 (32 characters, A-Z and
 * 2-7: no look-alike punctuation on a printed slip). Stored only as the SHA-256 of the code.
 */
public final class Codes {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    public static final int BYTES = 20;
    public static final int LENGTH = BYTES * 8 / 5;

    private Codes() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    /** Upper-cases and trims what a person or a scanner typed; null when it cannot be a code. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7'))) {
                return null;
            }
        }
        return c;
    }

    public static byte[] hash(String normalisedCode) {
        return Secrets.sha256(normalisedCode.getBytes(StandardCharsets.US_ASCII));
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
