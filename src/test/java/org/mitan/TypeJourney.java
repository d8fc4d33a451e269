package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.mitan.certificate.CertificateRepository;
import org.mitan.delivery.DeliveryRepository;
import org.mitan.document.DocumentStore;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What a journey test of one certificate type needs besides its own steps: the application's parts it reads back,
 * and the beginning and end every type shares (the citizen's SMS naming the type in Hindi, the delivery at the door).
 */
abstract class TypeJourney {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    CertificateRepository certificates;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    SmsMessageRepository outbox;
    @Autowired
    DocumentStore store;

    JourneySteps journey() {
        return new JourneySteps(http, json, runtime, management);
    }

    List<String> candidateGroups(JsonNode task) {
        return JourneySteps.candidateGroups(taskService, task);
    }

    /** The citizen's first SMS, in Hindi as asked, names the type in Hindi. */
    void assertTheRegistrationSmsNames(ServiceRequest request, String hindiName) {
        assertThat(outbox.findByRequestIdOrderByIdAsc(request.getId())).filteredOn(sms -> sms.getTemplate()
                .equals("REQUEST_REGISTERED")).singleElement().satisfies(sms -> assertThat(sms.getBody())
                .contains(hindiName));
    }

    /** The Mitan hands the certificate over with the citizen's OTP; the request's processes have ended. */
    void deliverAtTheDoor(JourneySteps journey, String number, ServiceRequest request) {
        JsonNode delivery = journey.singleTask("mitan.raipur", "Task_DeliverCertificate", number);
        journey.submit("mitan.raipur", delivery,
                Map.of("deliveryOtp", JourneySteps.latestOtp(outbox, request.getId())));
        assertThat(deliveries.findByRequestId(request.getId()).orElseThrow().getDeliveredAt()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }
}
