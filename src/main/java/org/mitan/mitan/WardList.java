package org.mitan.mitan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mitan.municipality.UrbanBody;
import org.mitan.text.Excerpt;

/** The wards a Mitan serves, written as numbers and ranges ({@code [5, "1-35"]}), read into ward numbers. */
final class WardList {

    /** How many wrong entries a refusal names. */
    private static final int NAMED = 3;
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,4})(?:\\s*[-–]\\s*(\\d{1,4}))?");

    private WardList() {
    }

    /**
     * The wards named, each within the body's wards (only from 1 when the body is unknown); null when the list is
     * left out or is wrong, and then {@code errors} says what is wrong under {@code field}.
     */
    static Set<Integer> read(List<String> entries, UrbanBody body, String field, Map<String, String> errors) {
        if (entries == null) {
            return null;
        }
        if (entries.isEmpty()) {
            errors.put(field, "must name at least one ward, e.g. [\"1-35\"] or [4, 5, 9]");
            return null;
        }
        Set<Integer> wards = new TreeSet<>();
        List<String> unreadable = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (String entry : entries) {
            String text = entry == null ? "" : entry.strip();
            Matcher matcher = ENTRY.matcher(text);
            if (!matcher.matches()) {
                unreadable.add(Excerpt.quoted(text));
                continue;
            }
            int from = Integer.parseInt(matcher.group(1));
            int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
            if (to < from) {
                unreadable.add(Excerpt.quoted(text));
            } else if (from < 1 || (body != null && to > body.getWards())) {
                outside.add(Excerpt.of(text));
            } else {
                for (int ward = from; ward <= to; ward++) {
                    wards.add(ward);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unreadable.isEmpty()) {
            problems.add("must be ward numbers or ranges such as 5 or \"1-35\", not " + named(unreadable));
        }
        if (!outside.isEmpty()) {
            problems.add((body == null ? "must be ward numbers from 1" : "must be within wards 1 to "
                    + body.getWards() + " of " + body.describe()) + ", not " + named(outside));
        }
        if (!problems.isEmpty()) {
            errors.put(field, String.join("; ", problems));
            return null;
        }
        return wards;
    }

    /** The first few entries, each an excerpt already, and how many more: a refusal does not grow with the list. */
    private static String named(List<String> entries) {
        String first = String.join(", ", entries.subList(0, Math.min(entries.size(), NAMED)));
        return entries.size() <= NAMED ? first : first + " and " + (entries.size() - NAMED) + " more";
    }
}
