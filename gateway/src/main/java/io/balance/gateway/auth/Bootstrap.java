package io.balance.gateway.auth;

import io.balance.contracts.Role;
import io.balance.gateway.account.Account;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Startup: refuses to run in production without a real admin password and readable keys; then makes sure the
 * SYSTEM_ADMIN {@code admin} exists with the configured password (changing BALANCE_ADMIN_PASSWORD and restarting
 * resets it).
 */
@ApplicationScoped
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    public static final String ADMIN = "admin";
    static final int MIN_PRODUCTION_PASSWORD = 12;

    @jakarta.inject.Inject
    AdminSettings admin;
    // the JWT extensions' own keys: read through Config (a mapping's prefix would claim their other keys too)
    @jakarta.inject.Inject
    Config config;

    void onStart(@Observes StartupEvent event) {
        List<String> profiles = ConfigUtils.getProfiles();
        boolean relaxed = LaunchMode.current() != LaunchMode.NORMAL
                || profiles.contains("local") || profiles.contains("test") || profiles.contains("dev");
        check(relaxed, admin.password(), config.getOptionalValue("smallrye.jwt.sign.key.location", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class));
        ensureAdmin(admin.password().orElseThrow());
    }

    /** Refuses to start without the admin password (a weak one only in local, dev and test runs) and readable keys. */
    public static void check(boolean relaxed, Optional<String> adminPassword, Optional<String> signKey,
                             Optional<String> verifyKey) {
        String password = adminPassword.map(String::trim).orElse("");
        if (password.isEmpty()) {
            throw new IllegalStateException("BALANCE_ADMIN_PASSWORD (balance.admin.password) is not set: "
                    + "the gateway will not start without the bootstrap administrator's password");
        }
        if (!relaxed && (password.length() < MIN_PRODUCTION_PASSWORD || password.equals("admin"))) {
            throw new IllegalStateException("BALANCE_ADMIN_PASSWORD is too weak for production: use at least "
                    + MIN_PRODUCTION_PASSWORD + " characters");
        }
        requireReadable("smallrye.jwt.sign.key.location (SMALLRYE_JWT_SIGN_KEY_LOCATION)", signKey);
        requireReadable("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)", verifyKey);
    }

    private static void requireReadable(String what, Optional<String> location) {
        String value = location.map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new IllegalStateException(what + " is not set: the gateway cannot sign or verify tokens");
        }
        if (value.startsWith("http:") || value.startsWith("https:")) {
            return; // a JWKS endpoint; verified on first use
        }
        try {
            if (value.startsWith("file:")) {
                Path path = Path.of(URI.create(value));
                if (!Files.isReadable(path)) {
                    throw new IllegalStateException(what + ": cannot read " + path);
                }
            } else if (value.startsWith("classpath:") || !value.contains(":")) {
                String resource = value.startsWith("classpath:") ? value.substring("classpath:".length()) : value;
                Path asFile = Path.of(resource);
                if (!Files.isReadable(asFile)) {
                    try (InputStream in = Thread.currentThread().getContextClassLoader()
                            .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
                        if (in == null) {
                            throw new IllegalStateException(what + ": cannot read " + value);
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(what + ": cannot read " + value, e);
        }
    }

    @Transactional
    void ensureAdmin(String password) {
        Account admin = Account.find(ADMIN);
        if (admin == null) {
            admin = new Account();
            admin.name = ADMIN;
            admin.kind = Account.Kind.PERSON;
            admin.role = Role.SYSTEM_ADMIN.name();
            admin.secretHash = PasswordHasher.hash(password);
            admin.createdBy = "bootstrap";
            admin.createdAt = Instant.now();
            admin.persist();
            LOG.info("created the bootstrap SYSTEM_ADMIN 'admin'");
        } else if (!PasswordHasher.matches(password, admin.secretHash)) {
            admin.secretHash = PasswordHasher.hash(password);
            LOG.info("reset the password of 'admin' to BALANCE_ADMIN_PASSWORD");
        }
    }
}
