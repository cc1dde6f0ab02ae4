package io.balance.gateway.auth;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The bootstrap SYSTEM_ADMIN (balance.admin.*): no default password; production refuses to start without one. */
@ConfigMapping(prefix = "balance.admin")
public interface AdminSettings {
    Optional<String> password();
}
