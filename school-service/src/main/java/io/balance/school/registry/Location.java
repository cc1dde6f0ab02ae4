package io.balance.school.registry;

/** 城乡类型 of a school's site. */
public enum Location {
    URBAN("城区"),
    TOWN("镇区"),
    RURAL("乡村");

    public final String label;

    Location(String label) {
        this.label = label;
    }

    public static Location parse(String value) {
        String v = value.strip();
        for (Location l : values()) {
            if (l.name().equalsIgnoreCase(v) || l.label.equals(v)) {
                return l;
            }
        }
        return null;
    }
}
