package org.mitan.numbering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Dates on certificates are the state's calendar dates (India Standard Time), whatever zone the server runs in:
 * a certificate issued at 00:30 IST on 1 January belongs to the new year.
 */
public final class StateCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    /**
     * The earliest date a certificate records, 1 January 1800. The oldest dates it holds are of people alive or
     * lately dead (a birth, a marriage, a death) and of the papers a caste or residence claim rests on, an ancestor's
     * land or school record of the nineteenth century at the oldest (civil registration itself began in 1886). A
     * year such as 0000, -0001 or 0202 is a slip of the keyboard, which the calendar alone lets through.
     */
    public static final LocalDate EARLIEST_RECORDED = LocalDate.of(1800, 1, 1);

    private StateCalendar() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /**
     * Why {@code date} cannot be the date of something that has happened (every date a certificate records is), as
     * the rest of a sentence that starts with the field's name, in English, then " / " and Hindi; empty when it can
     * be: from {@link #EARLIEST_RECORDED} to {@code today} in India.
     */
    public static Optional<String> notHappened(LocalDate date, LocalDate today) {
        if (date.isBefore(EARLIEST_RECORDED)) {
            return Optional.of("cannot be a date before " + EARLIEST_RECORDED.getYear() + " (" + date + "); check the"
                    + " year / " + EARLIEST_RECORDED.getYear() + " से पहले की तिथि नहीं हो सकती; वर्ष जाँचें");
        }
        if (date.isAfter(today)) {
            return Optional.of("cannot be a date after today / आज के बाद की तिथि नहीं हो सकती");
        }
        return Optional.empty();
    }
}
