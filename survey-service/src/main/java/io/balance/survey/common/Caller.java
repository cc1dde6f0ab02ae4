package io.balance.survey.common;

import io.balance.contracts.Role;
import io.balance.contracts.TokenClaims;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token: one role and its jurisdiction (absent for SYSTEM_ADMIN). */
public record Caller(String name, Role role, String jurisdiction) {

    public static Caller of(JsonWebToken jwt) {
        if (jwt == null || jwt.getName() == null) {
            throw new ApiException(401, "unauthenticated", "Unauthenticated", "a bearer token is required", null, null);
        }
        Set<String> groups = jwt.getGroups();
        Role role = null;
        for (Role r : Role.values()) {
            if (groups != null && groups.contains(r.name())) {
                role = r;
                break;
            }
        }
        if (role == null) {
            throw ApiException.forbidden("the token carries no known role");
        }
        Object jurisdiction = jwt.getClaim(TokenClaims.JURISDICTION);
        String code = jurisdiction == null ? null : jurisdiction.toString().replace("\"", "");
        if (role != Role.SYSTEM_ADMIN && (code == null || code.isBlank())) {
            throw ApiException.forbidden("the token carries no jurisdiction");
        }
        return new Caller(jwt.getName(), role, code);
    }
}
