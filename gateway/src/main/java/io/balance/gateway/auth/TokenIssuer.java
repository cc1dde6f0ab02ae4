package io.balance.gateway.auth;

import io.balance.contracts.TokenClaims;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs tokens in the shape of {@link TokenClaims} with the key at {@code smallrye.jwt.sign.key.location}. */
@ApplicationScoped
public class TokenIssuer {
    public static final long LIFESPAN_SECONDS = 3600;

    @ConfigProperty(name = "balance.auth.signing-key-id")
    Optional<String> keyId;

    public String issue(String name, String role, String jurisdiction) {
        JwtClaimsBuilder claims = Jwt.issuer(TokenClaims.ISSUER)
                .subject(name)
                .upn(name)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(LIFESPAN_SECONDS);
        if (jurisdiction != null) {
            claims.claim(TokenClaims.JURISDICTION, jurisdiction);
        }
        var signer = claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256);
        if (keyId.isPresent() && !keyId.get().isBlank()) {
            signer.keyId(keyId.get());
        }
        return signer.sign();
    }
}
