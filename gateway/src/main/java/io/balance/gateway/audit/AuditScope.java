package io.balance.gateway.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which 6-digit division a write concerns, so that a province administrator sees the writes in its province. */
public final class AuditScope {
    private static final Pattern DIVISION_IN_PATH = Pattern.compile("/api/v1/(?:jurisdictions|counties)/(\\d{6})(?:/.*)?");

    private AuditScope() {
    }

    /**
     * The division named in the path if any, else the division of the acting account (for a school reporter the
     * county of its school), else null (a system administrator's write that names no division: only system
     * administrators see it).
     */
    public static String division(String path, String explicit, String actorJurisdiction, String actorCounty) {
        if (explicit != null && explicit.matches("\\d{6}")) {
            return explicit;
        }
        Matcher m = DIVISION_IN_PATH.matcher(path);
        if (m.matches()) {
            return m.group(1);
        }
        if (actorJurisdiction != null && actorJurisdiction.matches("\\d{6}")) {
            return actorJurisdiction;
        }
        return actorCounty;
    }
}
