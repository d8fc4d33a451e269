package org.mitan.catalogue;

/**
 * A name in English and in Hindi, as a type's table gives it.
 *
 * @param en the English name, never blank
 * @param hi the Hindi name (Devanagari), never blank for a deployed type: the deployment is refused without it
 */
public record Names(String en, String hi) {

    /** The name in the language ({@code hi} or anything else for English). */
    public String in(String language) {
        return "hi".equals(language) && hi != null && !hi.isBlank() ? hi : en;
    }
}
