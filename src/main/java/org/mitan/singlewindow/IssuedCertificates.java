package org.mitan.singlewindow;

import java.util.Optional;

/**
 * The certificates already issued, by request number, as the local register needs them to give a request its
 * certificate back instead of numbering it again. The certificate module keeps them (rows and stored PDFs) and
 * answers; the single window, below it, knows only this question.
 */
public interface IssuedCertificates {

    /** The number and stored PDF of the request's certificate; empty when it has none. */
    Optional<IssuedCertificate> of(String requestNumber);
}
