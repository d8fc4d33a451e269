package org.mitan.numbering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates on certificates are the state's calendar dates (India Standard Time), whatever zone the server runs in:
 * a certificate issued at 00:30 IST on 1 January belongs to the new year.
 */
public final class StateCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private StateCalendar() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
