package org.mitan.municipality;

/**
 * What to change in an urban body; a field left out (or null) stays as it is.
 *
 * @param supervisorPhone Indian mobile number of the supervisor who gets the overdue alerts
 * @param wards           number of wards, 1 to 200; not below a ward that a Mitan serves or an open request is in
 * @param active          {@code false} takes the body out of the call centre's list; open requests go on
 */
record BodyChange(String supervisorPhone, String wards, String active) {
}
