package org.mitan.singlewindow;

/** A certificate made by the single-window system: its number and its PDF. */
public record IssuedCertificate(String certificateNumber, byte[] pdf) {
}
