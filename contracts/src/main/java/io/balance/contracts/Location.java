package io.balance.contracts;

/**
 * 城乡类型: where a school stands, as the registry records it ({@link SchoolV1#location()} carries its name). The
 * survey's sample is split by it and the evaluation reports compliance per location.
 */
public enum Location {
    URBAN("城区"),
    TOWN("镇区"),
    RURAL("乡村");

    /** The Chinese name, as forms and the import template write it. */
    public final String label;

    Location(String label) {
        this.label = label;
    }

    /** The location named by its English name (any case) or its Chinese label; null for null or anything else. */
    public static Location parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (Location l : values()) {
            if (l.name().equalsIgnoreCase(v) || l.label.equals(v)) {
                return l;
            }
        }
        return null;
    }
}
