package org.mitan.catalogue;

/**
 * One user task a request of a type can meet, as the type's steps table describes it.
 *
 * @param id      the task's id in the models, e.g. {@code Task_ScrutiniseDocuments}
 * @param role    who works on it, e.g. {@code clerk}: the task goes to that role at the request's urban body
 *                ({@code clerk-RPR}); empty for a step the request's own Mitan works on
 * @param dueDays days the step may take before the supervisor is reminded, at least 1
 * @param label   what the step is called in reminders and on the status page
 */
public record Step(String id, String role, int dueDays, Names label) {

    /** Whether a role, rather than the request's Mitan, works on the step. */
    public boolean hasRole() {
        return role != null && !role.isBlank();
    }
}
