package io.balance.survey.registry;

/** Where a school is: 城区, 镇区, 乡村. */
public enum Location {
    URBAN, // 城区
    TOWN, // 镇区
    RURAL; // 乡村

    public static Location parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
