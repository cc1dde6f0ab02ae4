package io.balance.supervision.review;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** 工作日: the objection window counts Monday to Friday (public holidays are not modelled). */
public final class WorkingDays {
    private WorkingDays() {
    }

    /** The last day of a window of {@code days} working days starting the working day after {@code from}. */
    public static LocalDate after(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
