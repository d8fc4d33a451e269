package org.mitan.singlewindow;

/**
 * The state's single-window system, where applications are filed and certificates are made.
 * Local default: {@code LocalRegisterGateway} (in-process register). Real: {@code HttpSingleWindowGateway}.
 * Both are idempotent by request number: calling twice for one request files once and issues once.
 */
public interface SingleWindowGateway {

    /** Files the application. Throws {@link SingleWindowRejection} when refused on its merits. */
    SubmissionReceipt submit(ApplicationFiling filing);

    /** After approval: allocates the certificate number and produces the PDF (with the QR code). */
    IssuedCertificate issue(CertificateOrder order);

    /** Short name stored with each submission: {@code local} or {@code http}. */
    String name();
}
