package io.balance.indicator.common;

import io.balance.contracts.JurisdictionScope;
import io.balance.kit.problem.ProblemException;

/** Path and query parameters checked by hand, so that a bad one is a 400 naming it (not a 404). */
public final class Params {
    private Params() {
    }

    public static String county(String code) {
        if (code == null || !code.matches("\\d{6}") || JurisdictionScope.levelOf(code) != JurisdictionScope.Level.COUNTY) {
            throw ProblemException.invalid("countyCode", "must be a 6-digit county division code (not ending in 00)");
        }
        return code;
    }

    public static String division(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw ProblemException.invalid("jurisdictionCode", "must be a 6-digit division code");
        }
        return code;
    }

    public static String school(String code) {
        if (code == null || !code.matches("\\d{10}")) {
            throw ProblemException.invalid("schoolCode", "must be a 10-digit school identifier");
        }
        return code;
    }

    public static int year(String year) {
        try {
            int y = Integer.parseInt(year);
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("year", "must be a school year between 2000 and 2100");
    }
}
