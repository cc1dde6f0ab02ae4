package io.balance.supervision;

import io.balance.contracts.TokenClaims;
import io.balance.infra.EmbeddedInfra;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Tokens as the gateway signs them (RS256, the test key pair). */
public final class Tokens {
    private Tokens() {
    }

    public static String of(String user, String role, String jurisdiction) {
        return EmbeddedInfra.keys().mint(user, role, jurisdiction);
    }

    public static String admin() {
        return of("admin", "SYSTEM_ADMIN", null);
    }

    /** A DEPARTMENT officer: jurisdiction = the county, plus the department claim. */
    public static String department(String user, String county, String department) {
        return Jwt.issuer(TokenClaims.ISSUER).audience(TokenClaims.AUDIENCE).upn(user).subject(user).groups(Set.of("DEPARTMENT"))
                .claim(TokenClaims.JURISDICTION, county).claim(TokenClaims.DEPARTMENT, department)
                .expiresIn(3600).sign();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
