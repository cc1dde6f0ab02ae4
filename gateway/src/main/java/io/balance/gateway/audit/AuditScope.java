package io.balance.gateway.audit;

import io.balance.contracts.JurisdictionScope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which 6-digit division a write concerns, so that a province administrator sees the writes in its province. */
public final class AuditScope {
    private static final Pattern DIVISION_IN_PATH = Pattern.compile("/api/v1/(?:jurisdictions|counties)/(\\d{6})(?:/.*)?");

    private AuditScope() {
    }

    /**
     * The division named in the path if the actor's jurisdiction covers it, else the division of the acting account
     * (for a school reporter the county of its school), else null (a system administrator's write that names no
     * division: only system administrators see it). An attempt outside the actor's own jurisdiction is filed under
     * the actor's division, so one province never learns the other's account names from its audit log.
     */
    public static String division(String path, String explicit, String actorJurisdiction, String actorCounty) {
        String own = actorJurisdiction != null && actorJurisdiction.matches("\\d{6}") ? actorJurisdiction : actorCounty;
        boolean system = actorJurisdiction == null && actorCounty == null;
        if (explicit != null && explicit.matches("\\d{6}")) {
            return explicit;
        }
        Matcher m = DIVISION_IN_PATH.matcher(path);
        if (m.matches() && (system || (own != null && JurisdictionScope.covers(own, m.group(1))))) {
            return m.group(1);
        }
        return own;
    }
}
