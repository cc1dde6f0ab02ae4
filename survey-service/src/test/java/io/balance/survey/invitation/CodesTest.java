package io.balance.survey.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesTest {
    @Test
    void codesCarry160RandomBitsInBase32() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String c = Codes.generate();
            assertEquals(32, c.length());
            assertTrue(c.matches("[A-Z2-7]{32}"));
            assertTrue(seen.add(c));
        }
        assertEquals("MZXW6YTBOI", Codes.base32("foobar".getBytes())); // RFC 4648 test vector (unpadded)
    }

    @Test
    void normalisation() {
        String c = Codes.generate();
        assertEquals(c, Codes.normalise(" " + c.toLowerCase() + "\n"));
        assertNull(Codes.normalise(c.substring(1)));
        assertNull(Codes.normalise(c.substring(1) + "1"));
        assertNull(Codes.normalise(null));
    }
}
