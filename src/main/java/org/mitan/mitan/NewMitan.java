package org.mitan.mitan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A Mitan to add, as the administrator or supervisor sends it. Everything is text as received, so that every bad
 * field can be named at once by {@link MitanAdministration}.
 *
 * @param bodyCode urban body the Mitan works for, e.g. {@code RPR}; it must be active
 * @param name     the Mitan's name, as told to citizens in the SMS
 * @param phone    the Mitan's Indian mobile number, as told to citizens in the SMS
 * @param userId   the Camunda user the Mitan logs in with: created in Camunda Admin and a member of group
 *                 {@code mitan} beforehand
 * @param wards    wards served, each a number or a range such as {@code "1-35"}; within the body's wards
 */
record NewMitan(String bodyCode, String name, String phone, String userId,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> wards) {
}
