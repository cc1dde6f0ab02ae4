package io.balance.gateway.auth;

import io.balance.kit.revocation.RevocationList;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's early check of bearer tokens (same configuration as every service: {@code mp.jwt.verify.*}).
 * Verified tokens are remembered until they expire, so a client's repeated calls cost one RSA verification.
 */
@ApplicationScoped
public class TokenVerifier {
    private static final int CACHE_LIMIT = 20_000;

    /** What the gateway needs to know about a caller. */
    public record Caller(String name, String role, String jurisdiction, long expiresAtEpochSecond,
                         long issuedAtMillis) {
    }

    @Inject
    JWTParser parser;
    @Inject
    Revocations revocations;

    private final ConcurrentHashMap<String, Caller> verified = new ConcurrentHashMap<>();

    /** The caller, or null if the token is invalid, expired, revoked, or not in our claim shape. */
    public Caller verify(String token) {
        Caller caller = verified(token);
        return caller == null || revocations.revoked(caller.name(), caller.issuedAtMillis()) ? null : caller;
    }

    private Caller verified(String token) {
        long now = System.currentTimeMillis() / 1000;
        Caller cached = verified.get(token);
        if (cached != null) {
            if (cached.expiresAtEpochSecond() > now) {
                return cached;
            }
            verified.remove(token);
            return null;
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            Set<String> groups = jwt.getGroups();
            String name = jwt.getName();
            if (groups == null || groups.size() != 1 || name == null) {
                return null;
            }
            Caller caller = new Caller(name, groups.iterator().next(), jwt.getClaim("jurisdiction"), jwt.getExpirationTime(),
                    RevocationList.issuedAtMillis(jwt));
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear(); // crude but bounded; entries are cheap to re-verify
            }
            verified.put(token, caller);
            return caller;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
