package io.balance.gateway.auth;

import io.balance.contracts.TokenClaims;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/** Signs tokens in the shape of {@link TokenClaims} with the key at {@code smallrye.jwt.sign.key.location}. */
@ApplicationScoped
public class TokenIssuer {
    public static final long LIFESPAN_SECONDS = TokenClaims.LIFESPAN_SECONDS;
    /** The issue time in milliseconds (iat has whole seconds): a revocation and a new sign-in in one second differ. */
    public static final String ISSUED_AT_MILLIS = TokenClaims.ISSUED_AT_MILLIS;

    @jakarta.inject.Inject
    SigningSettings settings;

    public String issue(String name, String role, String jurisdiction, String department) {
        JwtClaimsBuilder claims = Jwt.issuer(TokenClaims.ISSUER)
                .audience(TokenClaims.AUDIENCE)
                .subject(name)
                .upn(name)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .claim(ISSUED_AT_MILLIS, System.currentTimeMillis())
                .expiresIn(LIFESPAN_SECONDS);
        if (jurisdiction != null) {
            claims.claim(TokenClaims.JURISDICTION, jurisdiction);
        }
        if (department != null) {
            claims.claim(TokenClaims.DEPARTMENT, department);
        }
        var signer = claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256);
        settings.signingKeyId().filter(id -> !id.isBlank()).ifPresent(signer::keyId);
        return signer.sign();
    }
}
