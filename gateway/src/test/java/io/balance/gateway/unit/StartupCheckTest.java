package io.balance.gateway.unit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.gateway.auth.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production profile refuses to start without a real admin password and readable keys. */
class StartupCheckTest {
    @Test
    void productionNeedsAStrongPasswordAndKeys() throws Exception {
        Path key = Files.createTempFile("key", ".pem");
        String keyUri = key.toUri().toString();
        assertTrue(message(check(null, keyUri, keyUri, false)).contains("BALANCE_ADMIN_PASSWORD"));
        assertTrue(message(check("admin", keyUri, keyUri, false)).contains("too weak"));
        assertTrue(message(check("a-long-enough-secret", null, keyUri, false)).contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        assertTrue(message(check("a-long-enough-secret", keyUri, "file:/nonexistent/public.pem", false)).contains("cannot read"));
        assertDoesNotThrow(() -> invoke("a-long-enough-secret", keyUri, keyUri, false));
        // local and test runs accept the well-known default
        assertDoesNotThrow(() -> invoke("admin", keyUri, keyUri, true));
    }

    private static String message(Throwable t) {
        return t == null ? "" : t.getMessage();
    }

    private static Throwable check(String password, String sign, String verify, boolean relaxed) {
        try {
            invoke(password, sign, verify, relaxed);
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    private static void invoke(String password, String sign, String verify, boolean relaxed) throws Exception {
        Bootstrap.check(relaxed, Optional.ofNullable(password), Optional.ofNullable(sign), Optional.ofNullable(verify));
    }
}
