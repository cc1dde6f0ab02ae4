package io.balance.contracts;

/**
 * A school's registry attributes as carried in events.
 *
 * @param type     PRIMARY, JUNIOR, NINE_YEAR, TWELVE_YEAR, COMPLETE_MIDDLE, SPECIAL_EDUCATION, TEACHING_POINT
 * @param location a {@link Location} name: URBAN (城区), TOWN (镇区), RURAL (乡村)
 */
public record SchoolV1(
        String schoolCode,
        String name,
        String countyCode,
        String type,
        String location,
        boolean publicSchool,
        boolean boarding) {
}
