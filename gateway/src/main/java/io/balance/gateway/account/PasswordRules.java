package io.balance.gateway.account;

import io.balance.kit.problem.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a new password must be: 10 characters at least, 72 bytes at most (bcrypt), not common, not the name. */
public final class PasswordRules {
    public static final int MIN = 10;
    public static final int MAX_BYTES = 72; // bcrypt reads at most 72 bytes
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Adds what is wrong with {@code password} (for {@code username}) to {@code errors}, as {@code field}. */
    public static void check(String field, String password, String username, List<FieldError> errors) {
        if (password == null || password.length() < MIN) {
            errors.add(new FieldError(field, "must have at least " + MIN + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(new FieldError(field, "must have at most " + MAX_BYTES + " bytes"));
        } else if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(field, "is one of the most common passwords; choose another"));
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(field, "must not contain the user name"));
        }
    }

    public static boolean common(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.trim();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
