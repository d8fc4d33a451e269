package org.mitan.certificate;

/**
 * A certificate's PDF is not in the document store although its row says it was stored: a fault on our side that
 * an administrator must look into. {@link CertificateController} answers it with a 500 problem saying so.
 */
class CertificateFileMissing extends IllegalStateException {

    CertificateFileMissing(String certificateNumber) {
        super("The PDF of certificate " + certificateNumber
                + " is missing from the document store. Report it to an administrator.");
    }
}
