package org.mitan.mitan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What to change in a Mitan; a field left out (or null) stays as it is.
 *
 * @param phone  the Mitan's Indian mobile number
 * @param wards  wards served from now on (replacing the old ones), each a number or a range such as {@code "1-35"}
 * @param active {@code false}: no new requests go to the Mitan; {@code true}: back at work
 */
record MitanChange(String phone,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> wards, String active) {
}
