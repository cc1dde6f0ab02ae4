package io.balance.supervision.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The objection window (公示期) in working days across China's holidays, every expected date counted by hand
 * on a printed calendar (the count starts the day after publication; OFF days and weekends do not count, a
 * WORK day (调休上班) does, even on a Saturday or Sunday).
 */
class WorkingCalendarTest {
    static final WorkingCalendar CN = WorkingDays.read("calendar/cn-public-holidays.csv");

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void nationalDay2025WithItsSaturdayWorked() {
        // published Tue 09-30: 10-01..08 off; Thu 9 (1), Fri 10 (2), Sat 11 worked (3), Mon 13 (4), Tue 14 (5)
        assertEquals(d("2025-10-14"), CN.after(d("2025-09-30"), 5));
        // published Fri 09-26: Sun 28 worked (1), Mon 29 (2), Tue 30 (3), then Thu 10-09 (4), Fri 10-10 (5)
        assertEquals(d("2025-10-10"), CN.after(d("2025-09-26"), 5));
        // weekends alone would have said Fri 10-03
        assertEquals(d("2025-10-03"), WorkingCalendar.weekendsOnly().after(d("2025-09-26"), 5));
    }

    @Test
    void springFestival2026() {
        // published Thu 02-12: Fri 13 (1), Sat 14 worked (2), 15..23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5)
        assertEquals(d("2026-02-26"), CN.after(d("2026-02-12"), 5));
        assertTrue(CN.isWorkingDay(d("2026-02-14")));
        assertFalse(CN.isWorkingDay(d("2026-02-23")));
        assertTrue(CN.isWorkingDay(d("2026-02-28")));
    }

    @Test
    void nationalDay2026() {
        // published Mon 09-28: Tue 29 (1), Wed 30 (2), 10-01..07 off, Thu 8 (3), Fri 9 (4), Sat 10 worked (5)
        assertEquals(d("2026-10-10"), CN.after(d("2026-09-28"), 5));
    }

    @Test
    void springFestival2027() {
        // published Wed 02-03: Thu 4 (1), 除夕 Fri 5 .. Fri 12 off, weekend 13/14, Mon 15 (2) .. Thu 18 (5)
        assertEquals(d("2027-02-18"), CN.after(d("2027-02-03"), 5));
        // published during the holiday, Sat 02-06 (初一): Mon 15 (1) .. Fri 19 (5)
        assertEquals(d("2027-02-19"), CN.after(d("2027-02-06"), 5));
        // published the last working day before it, Thu 02-04: Mon 15 (1) .. Fri 19 (5)
        assertEquals(d("2027-02-19"), CN.after(d("2027-02-04"), 5));
        assertFalse(CN.isWorkingDay(d("2027-02-05")));
        assertFalse(CN.isWorkingDay(d("2027-02-12")));
        assertTrue(CN.isWorkingDay(d("2027-02-15")));
    }

    @Test
    void midAutumnAndNationalDay2027() {
        // published Tue 09-28: Wed 29 (1), Thu 30 (2), 10-01..07 off, Fri 8 (3), weekend, Mon 11 (4), Tue 12 (5)
        assertEquals(d("2027-10-12"), CN.after(d("2027-09-28"), 5));
        // 中秋 on Wed 09-15 is one day off: published Mon 13: Tue 14 (1), Thu 16 (2), Fri 17 (3), Mon 20 (4), Tue 21 (5)
        assertEquals(d("2027-09-21"), CN.after(d("2027-09-13"), 5));
    }

    @Test
    void acrossTheNewYear2027() {
        // published Wed 2026-12-30: Thu 31 (1), 2027-01-01..03 off, Mon 4 (2) .. Thu 7 (5)
        assertEquals(d("2027-01-07"), CN.after(d("2026-12-30"), 5));
    }

    @Test
    void configuredDaysWinOverTheFile() {
        // the 2027 notice names Sun 09-26 and Sat 10-09 as worked (as 2021's did): published Tue 09-28 → Wed 29 (1),
        // Thu 30 (2), Fri 10-08 (3), Sat 10-09 worked (4), Mon 11 (5)
        WorkingCalendar notice = CN.with(List.of(), List.of(d("2027-09-26"), d("2027-10-09")));
        assertEquals(d("2027-10-11"), notice.after(d("2027-09-28"), 5));
        // a configured holiday over a file's working day, e.g. a local day off
        WorkingCalendar local = CN.with(List.of(d("2026-02-28")), List.of());
        assertFalse(local.isWorkingDay(d("2026-02-28")));
        assertThrows(IllegalArgumentException.class, () -> CN.with(List.of(d("2027-10-09")), List.of(d("2027-10-09"))));
    }

    @Test
    void theFileNamesItsYearsAndWhichAreProvisional() {
        assertEquals(Set.of(2025, 2026, 2027), CN.years());
        assertEquals(Set.of(2027), CN.provisionalYears());
        // outside the file's years only weekends are known: published Mon 2028-03-06 → Mon 13
        assertEquals(d("2028-03-13"), CN.after(d("2028-03-06"), 5));
    }

    @Test
    void aBadRowIsRefusedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.parse(
                new StringReader("date,kind,holiday,source\n2027-02-05,OFF,春节,X\n2027-02-06,HOLIDAY,春节,X\n"), "t.csv"));
        assertTrue(e.getMessage().contains("t.csv line 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.parse(
                new StringReader("date,kind,holiday,source\n2027-02-05,OFF,春节,X\n2027-02-05,WORK,春节,X\n"), "t.csv"));
    }
}
