package io.balance.supervision.review;

import io.balance.supervision.common.SupervisionConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * 工作日 as the service counts them (the objection window, 公示期): the calendar file named by
 * {@code balance.supervision.calendar.resource} with the dates of {@code …calendar.holidays} and
 * {@code …calendar.workdays} over it. Outside the years it knows, weekends only, and it says so in the log.
 */
@Startup // a bad calendar file stops the service at start, not at the first publication
@ApplicationScoped
public class WorkingDays {
    private static final Logger LOG = Logger.getLogger(WorkingDays.class);

    @Inject
    SupervisionConfig config;

    private WorkingCalendar calendar;

    @PostConstruct
    void load() {
        SupervisionConfig.Calendar c = config.calendar();
        calendar = read(c.resource()).with(c.holidays().orElse(List.of()), c.workdays().orElse(List.of()));
        if (!calendar.provisionalYears().isEmpty()) {
            LOG.warnf("holiday calendar %s: years %s are provisional (no State Council notice in the file); set"
                    + " balance.supervision.calendar.holidays/workdays to the notice's dates", c.resource(),
                    calendar.provisionalYears());
        }
    }

    static WorkingCalendar read(String resource) {
        try (InputStream in = WorkingDays.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("holiday calendar " + resource + " not found on the classpath");
            }
            return WorkingCalendar.parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last day of a window of {@code days} working days starting the working day after {@code from}. */
    public LocalDate after(LocalDate from, int days) {
        LocalDate last = calendar.after(from, days);
        if (!calendar.years().contains(from.getYear()) || !calendar.years().contains(last.getYear())) {
            LOG.warnf("holiday calendar has no data for %s..%s: counted Monday to Friday only", from, last);
        }
        return last;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
