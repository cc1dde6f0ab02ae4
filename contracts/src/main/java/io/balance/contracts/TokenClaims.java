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
 * </ul>
 */
public final class TokenClaims {
    public static final String ISSUER = "https://balance.local/gateway";
    public static final String AUDIENCE = "https://balance.local/api";
    public static final String JURISDICTION = "jurisdiction";
    public static final String DEPARTMENT = "department";

    private TokenClaims() {
    }
}
