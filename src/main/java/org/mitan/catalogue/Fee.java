package org.mitan.catalogue;

/**
 * A fee a request of a type carries, as a row of the type's {@code <key>-fees} table ({@link TypeTables}).
 *
 * @param code   what the fee is, lower-case words joined by dashes, e.g. {@code mitan-service} (the Mitan service
 *               fee every type charges) or {@code late-registration}
 * @param rupees the amount in whole rupees, at least 1
 * @param names  what the receipt and the SMS call it, in English and Hindi
 */
public record Fee(String code, int rupees, Names names) {

    /** The code of the Mitan service fee (Rs 50 in the scheme's reports). */
    public static final String MITAN_SERVICE = "mitan-service";
}
