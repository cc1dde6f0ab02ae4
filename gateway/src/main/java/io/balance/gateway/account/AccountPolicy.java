package io.balance.gateway.account;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may create which account (pure rules, no I/O). A caller creates only roles below its own, only inside its own
 * jurisdiction; a province administrator creates county administrators and integration clients, a county
 * administrator creates school reporters and viewers for its schools. Whether a school lies in the caller's
 * jurisdiction is asked from school-service separately ({@link SchoolDirectory}).
 */
public final class AccountPolicy {
    /** Why a creation is refused: HTTP status, the field at fault (or null), a message. */
    public record Refusal(int status, String field, String message) {
    }

    private static final Set<Role> CREATORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN);

    private AccountPolicy() {
    }

    /** The jurisdiction shape each role carries (TokenClaims). */
    static Refusal shape(Role role, String jurisdiction) {
        if (jurisdiction == null || jurisdiction.isBlank()) {
            return new Refusal(400, "jurisdiction", "is required for " + role);
        }
        boolean division = jurisdiction.matches("\\d{6}");
        boolean school = jurisdiction.matches("\\d{10}");
        JurisdictionScope.Level level = division || school ? JurisdictionScope.levelOf(jurisdiction) : null;
        return switch (role) {
            case PROVINCE_ADMIN -> level == JurisdictionScope.Level.PROVINCE ? null
                    : new Refusal(400, "jurisdiction", "a PROVINCE_ADMIN needs a province code (PP0000)");
            case REVIEWER -> level == JurisdictionScope.Level.PROVINCE || level == JurisdictionScope.Level.CITY ? null
                    : new Refusal(400, "jurisdiction", "a REVIEWER needs a city (PPCC00) or province (PP0000) code");
            case COUNTY_ADMIN, DEPARTMENT -> level == JurisdictionScope.Level.COUNTY ? null
                    : new Refusal(400, "jurisdiction", "a " + role + " needs a county code (6 digits, PPCCXX)");
            case SCHOOL_REPORTER -> school ? null
                    : new Refusal(400, "jurisdiction", "a SCHOOL_REPORTER needs a 10-digit school code");
            case VIEWER, INTEGRATION -> division ? null
                    : new Refusal(400, "jurisdiction", "a " + role + " needs a 6-digit division code");
            case SYSTEM_ADMIN -> new Refusal(400, "role", "SYSTEM_ADMIN accounts cannot be created");
        };
    }

    /**
     * Null if {@code caller} (role, jurisdiction) may create an account of {@code role} in {@code jurisdiction},
     * leaving aside whether a school code lies in its jurisdiction.
     */
    public static Refusal check(Role callerRole, String callerJurisdiction, Role role, String jurisdiction) {
        if (!CREATORS.contains(callerRole)) {
            return new Refusal(403, null, callerRole + " may not create accounts");
        }
        if (role.ordinal() <= callerRole.ordinal()) {
            return new Refusal(403, "role", "a " + callerRole + " may create only roles below its own");
        }
        if (callerRole == Role.REVIEWER) {
            return new Refusal(403, null, "a REVIEWER may not create accounts");
        }
        if (role == Role.INTEGRATION && callerRole == Role.COUNTY_ADMIN) {
            return new Refusal(403, "role", "integration clients are created by province administrators");
        }
        Refusal shape = shape(role, jurisdiction);
        if (shape != null) {
            return shape;
        }
        if (callerRole == Role.SYSTEM_ADMIN || role == Role.SCHOOL_REPORTER) {
            return null; // a school's county is only known to school-service
        }
        if (!JurisdictionScope.covers(callerJurisdiction, jurisdiction)) {
            return new Refusal(403, "jurisdiction", jurisdiction + " is outside your jurisdiction");
        }
        return null;
    }

    /** Whether an account (jurisdiction, and county for school reporters) lies within {@code callerJurisdiction}. */
    public static boolean visibleTo(Role callerRole, String callerJurisdiction, Account account) {
        if (callerRole == Role.SYSTEM_ADMIN) {
            return true;
        }
        if (callerJurisdiction == null || account.jurisdiction == null) {
            return false;
        }
        String division = account.jurisdiction.length() == 10 ? account.countyCode : account.jurisdiction;
        return division != null && JurisdictionScope.covers(callerJurisdiction, division);
    }
}
