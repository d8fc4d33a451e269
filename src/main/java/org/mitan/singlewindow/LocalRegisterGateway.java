package org.mitan.singlewindow;

import java.util.Locale;
import java.util.Optional;

import org.mitan.numbering.ReservedNumbers;
import org.mitan.numbering.StateCalendar;

/**
 * The in-process register, used unless a real single-window API is configured. It accepts every filing with the
 * reference {@code LR-<requestNumber>} and, after approval, numbers the certificate
 * {@code <BODY>/<TYPE>/<YEAR>/<6 digits>} (e.g. {@code RPR/BIRTH/2026/000001}, one gap-free series per body,
 * type and year), prints it with {@link CertificatePdf} and signs it with the body's key ({@link CertificateSigner}).
 * <p>
 * Idempotent by request number: the reference is derived from it, and a request that already has a certificate
 * gets that certificate back (its number and stored PDF, from {@link IssuedCertificates}) instead of a new number.
 * The number is reserved for the request ({@link ReservedNumbers}): a caller that rolls back and tries again gets the
 * same number.
 */
class LocalRegisterGateway implements SingleWindowGateway {

    static final String NAME = "local";
    private static final String CERTIFICATE_SUFFIX = "-certificate";

    private final ReservedNumbers numbers;
    private final IssuingBodies bodies;
    private final IssuedCertificates issued;
    private final ServiceCatalogue catalogue;
    private final CertificatePdf pdf;
    private final ParticularsFormLabels labels;
    private final CertificateSigner signer;

    LocalRegisterGateway(ReservedNumbers numbers, IssuingBodies bodies, IssuedCertificates issued,
            ServiceCatalogue catalogue, CertificatePdf pdf, ParticularsFormLabels labels, CertificateSigner signer) {
        this.numbers = numbers;
        this.bodies = bodies;
        this.issued = issued;
        this.catalogue = catalogue;
        this.pdf = pdf;
        this.labels = labels;
        this.signer = signer;
    }

    @Override
    public SubmissionReceipt submit(ApplicationFiling filing) {
        return new SubmissionReceipt("LR-" + filing.requestNumber());
    }

    @Override
    public IssuedCertificate issue(CertificateOrder order) {
        Optional<IssuedCertificate> earlier = issued.of(order.requestNumber());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        int year = StateCalendar.dateOf(order.issuedAt()).getYear();
        long serial = numbers.reserve("certificate:%s:%s:%d".formatted(order.bodyCode(), order.certificateType(), year),
                order.requestNumber());
        String number = "%s/%s/%d/%06d".formatted(order.bodyCode(), typeCode(order.certificateType()), year, serial);
        ServiceCatalogue.ServiceDescription service = catalogue.describe(order.certificateType());
        IssuingBodies.IssuingBody body = bodies.of(order.bodyCode());
        byte[] document = pdf.render(new CertificatePdf.Content(body.en(), body.hi(), service.serviceName(),
                service.serviceNameHi(), service.department(), service.departmentHi(), number,
                service.holderParticular(), order.holderName(), order.address(), order.particulars(),
                labels.of(order.certificateType()), StateCalendar.dateOf(order.issuedAt()), order.approvedBy(),
                order.verificationUrl(), order.feesPaid()));
        return new IssuedCertificate(number, signer.sign(document, order.bodyCode(), body.en(), number,
                order.issuedAt()));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The short type in certificate numbers: the process key in capitals without "-certificate". */
    static String typeCode(String certificateType) {
        String key = certificateType.endsWith(CERTIFICATE_SUFFIX)
                ? certificateType.substring(0, certificateType.length() - CERTIFICATE_SUFFIX.length())
                : certificateType;
        return key.toUpperCase(Locale.ROOT);
    }
}
