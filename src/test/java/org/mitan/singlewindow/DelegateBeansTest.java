package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.CertificateRepository;
import org.mitan.certificate.CorrectionChangeRepository;
import org.mitan.certificate.PaperRegisterEntryRepository;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentStore;
import org.mitan.document.RequiredDocuments;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.ParticularsRules;
import org.mitan.mitan.RequestAccess;
import org.mitan.payment.Payments;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.ReservedNumbers;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** The beans the BPMN models name, wired from this package and the certificate package as the application does. */
class DelegateBeansTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"org.mitan.singlewindow", "org.mitan.certificate"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test.*"))
    static class Scanned {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Scanned.class)
            .withPropertyValues("mitan.public-base-url=https://mitan.example")
            // the local register signs with a development key in the dev and test profiles
            .withInitializer(app -> app.getEnvironment().addActiveProfile("test"))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(ReservedNumbers.class, () -> mock(ReservedNumbers.class))
            .withBean(UrbanBodyRepository.class, () -> mock(UrbanBodyRepository.class))
            .withBean(ServiceRequestRepository.class, () -> mock(ServiceRequestRepository.class))
            .withBean(CertificateRepository.class, () -> mock(CertificateRepository.class))
            .withBean(CorrectionChangeRepository.class, () -> mock(CorrectionChangeRepository.class))
            .withBean(PaperRegisterEntryRepository.class, () -> mock(PaperRegisterEntryRepository.class))
            .withBean(RequiredDocuments.class, () -> mock(RequiredDocuments.class))
            .withBean(SubmissionRepository.class, () -> mock(SubmissionRepository.class))
            .withBean(DocumentRepository.class, () -> mock(DocumentRepository.class))
            .withBean(DocumentStore.class, () -> mock(DocumentStore.class))
            .withBean(Requests.class, () -> mock(Requests.class))
            .withBean(RequestAccess.class, () -> mock(RequestAccess.class))
            .withBean(SmsService.class, () -> mock(SmsService.class))
            .withBean(RepositoryService.class, () -> mock(RepositoryService.class))
            .withBean(DecisionService.class, () -> mock(DecisionService.class))
            .withBean(HistoryService.class, () -> mock(HistoryService.class))
            .withBean(IdentityService.class, () -> mock(IdentityService.class))
            .withBean(Catalogue.class, () -> mock(Catalogue.class))
            .withBean(ParticularsRules.class, () -> mock(ParticularsRules.class))
            .withBean(Payments.class, () -> mock(Payments.class));

    @Test
    void delegatesCarryTheNamesTheModelsUse() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean("submitToSingleWindow")).isInstanceOf(JavaDelegate.class);
            assertThat(app.getBean("issueCertificate")).isInstanceOf(JavaDelegate.class);
            assertThat(app).getBean(SingleWindowGateway.class).isInstanceOf(LocalRegisterGateway.class);
        });
    }
}
