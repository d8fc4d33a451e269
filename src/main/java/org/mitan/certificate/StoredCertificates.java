package org.mitan.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.mitan.document.DocumentStore;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.singlewindow.IssuedCertificate;
import org.mitan.singlewindow.IssuedCertificates;
import org.springframework.stereotype.Component;

/** The certificates issued so far, as the single window's local register asks for them: number and stored PDF. */
@Component
class StoredCertificates implements IssuedCertificates {

    private final ServiceRequestRepository requests;
    private final CertificateRepository certificates;
    private final DocumentStore store;

    StoredCertificates(ServiceRequestRepository requests, CertificateRepository certificates, DocumentStore store) {
        this.requests = requests;
        this.certificates = certificates;
        this.store = store;
    }

    @Override
    public Optional<IssuedCertificate> of(String requestNumber) {
        return requests.findByRequestNumber(requestNumber)
                .flatMap(request -> certificates.findByRequestId(request.getId()))
                .map(certificate -> new IssuedCertificate(certificate.getCertificateNumber(), storedPdf(certificate)));
    }

    private byte[] storedPdf(Certificate certificate) {
        String number = certificate.getCertificateNumber();
        try (InputStream in = store.open(certificate.getObjectKey()).orElseThrow(() -> new IllegalStateException(
                "Certificate " + number + " has no PDF at " + certificate.getObjectKey()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PDF of certificate " + number, e);
        }
    }
}
