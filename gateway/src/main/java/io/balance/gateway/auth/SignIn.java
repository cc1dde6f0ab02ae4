package io.balance.gateway.auth;

import io.balance.gateway.account.Account;
import io.balance.gateway.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Checks credentials under {@link SignInThrottle}: a blocked account or source gets 429 before any hashing; an
 * unknown name costs the same bcrypt time and the same answer as a wrong secret, and is throttled alike, so neither
 * the answer nor the throttling tells which names exist.
 */
@ApplicationScoped
public class SignIn {
    public enum Result { OK, INVALID, LOCKED, PASSWORD_CHANGE_REQUIRED }

    public record Outcome(Result result, String token, long retryAfterSeconds) {
    }

    @Inject
    TokenIssuer issuer;
    @Inject
    SignInThrottle throttle;

    /** {@code newPassword}: only when an administrator's reset requires a new one (already checked by the caller). */
    public Outcome attempt(Account.Kind kind, String name, String secret, String newPassword, String source) {
        Instant now = Instant.now();
        String accountKey = SignInThrottle.accountKey(name);
        String sourceKey = SignInThrottle.sourceKey(source);
        long wait = throttle.blockedFor(accountKey, sourceKey, now);
        Account account = Account.find(name);
        if (wait > 0) {
            throttle.refused(audit(AuditTrail.Kind.SIGN_IN_THROTTLED, name, account, source, "retry after " + wait + " s"));
            return new Outcome(Result.LOCKED, null, wait);
        }
        boolean known = account != null && account.kind == kind && !account.disabled;
        boolean matches = PasswordHasher.matches(secret, known ? account.secretHash : PasswordHasher.DUMMY)
                || (known && account.previousSecretHash != null && account.previousSecretUntil != null
                && now.isBefore(account.previousSecretUntil) && PasswordHasher.matches(secret, account.previousSecretHash));
        if (!known || !matches) {
            throttle.failed(accountKey, sourceKey, now, audit(AuditTrail.Kind.SIGN_IN_FAILED, name,
                    account != null && account.kind == kind ? account : null,
                    source, account != null && account.disabled ? "disabled" : null));
            return new Outcome(Result.INVALID, null, 0);
        }
        throttle.succeeded(accountKey, audit(AuditTrail.Kind.SIGN_IN, name, account, source,
                account.mustChangePassword ? (newPassword == null ? "password change required" : "password changed") : null));
        if (account.mustChangePassword) {
            if (newPassword == null) {
                return new Outcome(Result.PASSWORD_CHANGE_REQUIRED, null, 0);
            }
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> changePassword(account.name, newPassword));
        }
        return new Outcome(Result.OK, issuer.issue(account.name, account.role, account.jurisdiction, account.department), 0);
    }

    /** Sign-in events are filed under the account's division (unknown names: system administrators only). */
    private static AuditTrail.Entry audit(AuditTrail.Kind kind, String name, Account account, String source, String detail) {
        String division = account == null ? null
                : account.jurisdiction != null && account.jurisdiction.length() == 10 ? account.countyCode : account.jurisdiction;
        return new AuditTrail.Entry(Instant.now(), kind, name, account == null ? null : account.role,
                account == null ? null : account.jurisdiction, division, name, detail, "POST", "/api/v1/auth/token",
                null, null, source);
    }

    private static void changePassword(String name, String newPassword) {
        Account account = Account.find(name);
        account.secretHash = PasswordHasher.hash(newPassword);
        account.mustChangePassword = false;
        account.passwordChangedAt = Instant.now();
    }
}
