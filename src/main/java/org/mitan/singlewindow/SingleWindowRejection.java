package org.mitan.singlewindow;

/** The single-window system refused the application on its merits; the process ends it with an SMS. */
public class SingleWindowRejection extends RuntimeException {

    public SingleWindowRejection(String reason) {
        super(reason);
    }
}
