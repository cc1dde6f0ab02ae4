package io.balance.contracts;

/**
 * The JWT contract between the gateway (which signs, RS256) and the services (which verify it themselves).
 * <ul>
 *   <li>{@code iss}: {@link #ISSUER}</li>
 *   <li>{@code aud}: {@link #AUDIENCE} (every verifier requires it: {@code mp.jwt.verify.audiences})</li>
 *   <li>{@code upn}: the user name or client id</li>
 *   <li>{@code groups}: exactly one {@link Role} name</li>
 *   <li>{@code jurisdiction}: a 6-digit division code, or a 10-digit school code for SCHOOL_REPORTER;
 *       absent for SYSTEM_ADMIN</li>
 *   <li>{@code department}: the department code, for DEPARTMENT only</li>
 *   <li>{@code iat_ms}: the issue time in epoch milliseconds ({@code iat} has whole seconds: a revocation and a
 *       new sign-in within one second must differ); {@code exp} {@link #LIFESPAN_SECONDS} after it</li>
 * </ul>
 */
public final class TokenClaims {
    public static final String ISSUER = "https://balance.local/gateway";
    public static final String AUDIENCE = "https://balance.local/api";
    public static final String JURISDICTION = "jurisdiction";
    public static final String DEPARTMENT = "department";
    public static final String ISSUED_AT_MILLIS = "iat_ms";
    /** How long a token is valid; a revocation older than two of these concerns no living token. */
    public static final long LIFESPAN_SECONDS = 3600;

    private TokenClaims() {
    }
}
