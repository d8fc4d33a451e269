package org.mitan.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ProcessRequest;

/**
 * {@code issueCertificate}: issues the approved request's certificate (or finds the one already issued) and sets
 * {@code certificateNumber}. Every failure is technical here and propagates: retries, then an incident. The request
 * is the process instance's business key.
 */
@ProcessBean("issueCertificate")
class IssueCertificateDelegate implements JavaDelegate {

    private final CertificateService certificates;

    IssueCertificateDelegate(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Certificate certificate = certificates.issue(ProcessRequest.numberOf(execution),
                execution.getProcessInstanceId());
        execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, certificate.getCertificateNumber());
    }
}
