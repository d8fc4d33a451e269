package org.mitan.singlewindow;

/** The single-window system's acknowledgement of a filing. */
public record SubmissionReceipt(String reference) {
}
