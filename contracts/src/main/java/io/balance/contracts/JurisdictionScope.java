package io.balance.contracts;

/**
 * Which division codes a jurisdiction covers. Chinese administrative division codes (行政区划代码) are
 * hierarchical: {@code PP0000} a province, {@code PPCC00} a city, {@code PPCCXX} a county, so containment
 * is a prefix test. A 10-digit code is a school and covers only itself.
 */
public final class JurisdictionScope {
    private JurisdictionScope() {
    }

    public enum Level { PROVINCE, CITY, COUNTY, SCHOOL }

    public static Level levelOf(String code) {
        if (code == null || !(code.matches("\\d{6}") || code.matches("\\d{10}"))) {
            throw new IllegalArgumentException("not a division or school code: " + code);
        }
        if (code.length() == 10) {
            return Level.SCHOOL;
        }
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The significant prefix of a division code: 2 digits for a province, 4 for a city, 6 for a county. */
    public static String prefixOf(String code) {
        return switch (levelOf(code)) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY, SCHOOL -> code;
        };
    }

    /** Whether {@code jurisdiction} (a province, city or county code) contains division {@code divisionCode}. */
    public static boolean covers(String jurisdiction, String divisionCode) {
        if (jurisdiction == null || divisionCode == null) {
            return false;
        }
        if (levelOf(jurisdiction) == Level.SCHOOL || levelOf(divisionCode) == Level.SCHOOL) {
            return jurisdiction.equals(divisionCode);
        }
        return divisionCode.startsWith(prefixOf(jurisdiction))
                && levelOf(divisionCode).ordinal() >= levelOf(jurisdiction).ordinal();
    }

    /**
     * Whether {@code jurisdiction} contains {@code divisionCode} and is a higher level than it: the
     * supervising level over a county (a city or province over the county, never the county itself).
     */
    public static boolean strictlyContains(String jurisdiction, String divisionCode) {
        return covers(jurisdiction, divisionCode)
                && levelOf(jurisdiction).ordinal() < levelOf(divisionCode).ordinal();
    }
}
