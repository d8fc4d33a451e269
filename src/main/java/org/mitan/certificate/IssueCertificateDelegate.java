package org.mitan.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * {@code issueCertificate}: issues the approved request's certificate (or finds the one already issued) and sets
 * {@code certificateNumber}. Every failure is technical here and propagates: retries, then an incident.
 */
@Component("issueCertificate")
class IssueCertificateDelegate implements JavaDelegate {

    private final CertificateService certificates;

    IssueCertificateDelegate(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestNumber = (String) execution.getVariable(ProcessVariables.REQUEST_NUMBER);
        if (requestNumber == null) {
            throw new IllegalStateException("Variable " + ProcessVariables.REQUEST_NUMBER + " is missing");
        }
        Certificate certificate = certificates.issue(requestNumber, execution.getProcessInstanceId());
        execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, certificate.getCertificateNumber());
    }
}
