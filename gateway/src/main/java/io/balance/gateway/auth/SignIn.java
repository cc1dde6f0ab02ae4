package io.balance.gateway.auth;

import io.balance.gateway.account.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks credentials with lockout: after {@code max-failures} consecutive wrong secrets an account is locked for
 * {@code duration} (even the right secret is refused meanwhile). Unknown names cost the same bcrypt time.
 */
@ApplicationScoped
public class SignIn {
    public enum Result { OK, INVALID, LOCKED }

    public record Outcome(Result result, String token, long retryAfterSeconds) {
    }

    @Inject
    TokenIssuer issuer;

    @ConfigProperty(name = "balance.auth.lockout.max-failures")
    int maxFailures;
    @ConfigProperty(name = "balance.auth.lockout.duration")
    Duration lockout;

    @Transactional
    public Outcome attempt(Account.Kind kind, String name, String secret) {
        Account account = Account.getEntityManager().find(Account.class, name,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.kind != kind) {
            PasswordHasher.matches(secret, PasswordHasher.DUMMY);
            return new Outcome(Result.INVALID, null, 0);
        }
        Instant now = Instant.now();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            return new Outcome(Result.LOCKED, null, Math.max(1, Duration.between(now, account.lockedUntil).toSeconds() + 1));
        }
        if (!PasswordHasher.matches(secret, account.secretHash)) {
            account.failedAttempts++;
            if (account.failedAttempts >= maxFailures) {
                account.lockedUntil = now.plus(lockout);
                account.failedAttempts = 0;
            }
            return new Outcome(Result.INVALID, null, 0);
        }
        account.failedAttempts = 0;
        account.lockedUntil = null;
        return new Outcome(Result.OK, issuer.issue(account.name, account.role, account.jurisdiction), 0);
    }
}
