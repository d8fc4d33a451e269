package org.mitan.request;

/** The part of the day the citizen prefers for the Mitan's visit (call-centre hours are 8:00 to 20:00). */
public enum VisitWindow {
    MORNING,
    AFTERNOON,
    EVENING
}
