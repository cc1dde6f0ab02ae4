package io.balance.supervision.review;

import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * 工作日 in China: Monday to Friday, except the public holidays (放假) of the State Council's yearly notice, plus
 * its adjusted working days (调休上班, a Saturday or Sunday worked). Pure and immutable; the dates come from a
 * calendar file ({@code calendar/cn-public-holidays.csv}: {@code date,kind,holiday,source}, kind OFF or WORK)
 * and from configuration, which wins over the file.
 */
public final class WorkingCalendar {
    private final Set<LocalDate> off;
    private final Set<LocalDate> work;
    private final Set<Integer> years;
    private final Set<Integer> provisional;

    private WorkingCalendar(Set<LocalDate> off, Set<LocalDate> work, Set<Integer> years, Set<Integer> provisional) {
        this.off = Set.copyOf(off);
        this.work = Set.copyOf(work);
        this.years = Set.copyOf(years);
        this.provisional = Set.copyOf(provisional);
    }

    /** Weekends only: no holiday known. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * Reads a calendar file ({@code #} starts a comment); a source starting with {@code PROVISIONAL} marks its
     * year as not yet confirmed by a published notice. A bad row fails with its line number: a wrong calendar
     * must not start quietly.
     */
    public static WorkingCalendar parse(Reader csv, String name) throws IOException {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        Set<Integer> years = new TreeSet<>();
        Set<Integer> provisional = new TreeSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            for (CSVRecord r : parser) {
                String where = name + " line " + parser.getCurrentLineNumber();
                LocalDate date;
                try {
                    date = LocalDate.parse(r.get("date"));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": date must be YYYY-MM-DD", e);
                }
                String kind = r.get("kind");
                Set<LocalDate> into = switch (kind) {
                    case "OFF" -> off;
                    case "WORK" -> work;
                    default -> throw new IllegalArgumentException(where + ": kind must be OFF or WORK, not " + kind);
                };
                if (off.contains(date) || work.contains(date)) {
                    throw new IllegalArgumentException(where + ": " + date + " is listed twice");
                }
                into.add(date);
                years.add(date.getYear());
                if (r.isMapped("source") && r.get("source").startsWith("PROVISIONAL")) {
                    provisional.add(date.getYear());
                }
            }
        }
        return new WorkingCalendar(off, work, years, provisional);
    }

    /** The same calendar with these dates declared off or worked (configuration: it wins over the file). */
    public WorkingCalendar with(Collection<LocalDate> extraOff, Collection<LocalDate> extraWork) {
        Set<LocalDate> both = new HashSet<>(extraOff);
        both.retainAll(extraWork);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates configured both as holidays and as working days: " + new TreeSet<>(both));
        }
        Set<LocalDate> o = new HashSet<>(off);
        Set<LocalDate> w = new HashSet<>(work);
        o.removeAll(extraWork);
        w.removeAll(extraOff);
        o.addAll(extraOff);
        w.addAll(extraWork);
        Set<Integer> y = new TreeSet<>(years);
        extraOff.forEach(d -> y.add(d.getYear()));
        extraWork.forEach(d -> y.add(d.getYear()));
        return new WorkingCalendar(o, w, y, provisional);
    }

    public boolean isWorkingDay(LocalDate d) {
        if (work.contains(d)) {
            return true;
        }
        if (off.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The last day of a window of {@code days} working days starting the working day after {@code from}. */
    public LocalDate after(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Years with holiday data (outside them only weekends are known). */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    /** Years whose data is not yet confirmed by the State Council's notice. */
    public Set<Integer> provisionalYears() {
        return new TreeSet<>(provisional);
    }
}
