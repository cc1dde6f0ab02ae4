package io.balance.supervision.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date where the counties are: deadlines and overdue are Beijing-time dates. */
@ApplicationScoped
public class Today {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public LocalDate date() {
        return LocalDate.now(CHINA);
    }
}
