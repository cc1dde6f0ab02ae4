package io.balance.gateway.auth;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Token signing (balance.auth.*; the key itself is smallrye.jwt.sign.key.location). */
@ConfigMapping(prefix = "balance.auth")
public interface SigningSettings {
    /** Optional 'kid' header on issued tokens, for key rotation (gateway/README.md). */
    Optional<String> signingKeyId();
}
