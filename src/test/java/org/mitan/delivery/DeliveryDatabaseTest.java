package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.sms.OutboxTestDatabase;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery on the real schema with real transactions: a wrong OTP is refused inside the task completion's
 * transaction, which rolls back, and still stays counted.
 */
@OutboxTestDatabase
class DeliveryDatabaseTest {

    private static final String NUMBER = "RPR-2026-900001";
    private static final Pattern OTP = Pattern.compile("OTP ([0-9]{6})");

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private ServiceRequestRepository serviceRequests;

    @Autowired
    private MitanRepository mitans;

    @Autowired
    private CertificateRepository certificates;

    @Autowired
    private DeliveryRepository deliveryRows;

    @Autowired
    private SmsMessageRepository outbox;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcTemplate jdbc;

    private TransactionTemplate engineTransaction;

    @BeforeEach
    void aCertificateReadyForDelivery() {
        engineTransaction = new TransactionTemplate(transactionManager);
        Mitan mitan = mitans.save(new Mitan("RPR", "Sunita Sahu", "9123456780", "mitan-sunita", Set.of(12)));
        ServiceRequest request = new ServiceRequest(NUMBER, "birth-certificate", "RPR", 12, "Ramesh Verma",
                "9876543210", "Ward 12, Raipur", VisitWindow.MORNING, "en", "fbDelivery1", Instant.now());
        request.setMitanId(mitan.getId());
        request.moveTo(RequestStatus.CERTIFICATE_ISSUED, Instant.now());
        request = serviceRequests.save(request);
        certificates.save(new Certificate("RPR-BC-2026-900001", request.getId(), "RPR", "birth-certificate",
                "Aarav Verma", Instant.now(), "certificates/" + "a".repeat(64) + ".pdf", "a".repeat(64),
                "VerifyCode900001"));
    }

    @AfterEach
    void cleanUp() {
        for (String table : List.of("sms_message", "delivery", "certificate", "request_milestone",
                "service_request")) {
            jdbc.update("delete from " + table);
        }
        jdbc.update("delete from mitan_ward");
        jdbc.update("delete from mitan");
    }

    private List<String> otpsSent() {
        Long requestId = serviceRequests.findByRequestNumber(NUMBER).orElseThrow().getId();
        return outbox.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(m -> m.getTemplate().equals(SmsTemplates.DELIVERY_OTP))
                .map(SmsMessage::getBody)
                .map(body -> {
                    Matcher matcher = OTP.matcher(body);
                    assertThat(matcher.find()).as(body).isTrue();
                    return matcher.group(1);
                })
                .toList();
    }

    private Delivery delivery() {
        return deliveryRows.findByRequestId(serviceRequests.findByRequestNumber(NUMBER).orElseThrow().getId())
                .orElseThrow();
    }

    private void completeTask(String otp) {
        engineTransaction.executeWithoutResult(status -> deliveries.confirm(NUMBER, otp, "mitan-sunita"));
    }

    @Test
    void wrongOtpsStayCountedWhenTheCompletionRollsBackAndTheLastOneReplacesTheOtp() {
        engineTransaction.executeWithoutResult(status -> deliveries.arrange(NUMBER, "mitan-sunita"));
        engineTransaction.executeWithoutResult(status -> deliveries.arrange(NUMBER, "mitan-sunita"));
        List<String> sent = otpsSent();
        assertThat(sent).hasSize(1);
        String first = sent.get(0);
        String wrong = first.equals("000000") ? "000001" : "000000";
        assertThat(delivery().getOtpHash()).doesNotContain(first);
        assertThat(serviceRequests.findByRequestNumber(NUMBER)).get()
                .extracting(ServiceRequest::getStatus).isEqualTo(RequestStatus.OUT_FOR_DELIVERY);

        assertThatThrownBy(() -> completeTask(wrong)).hasMessage("The OTP does not match. 2 attempt(s) left. (ओटीपी मेल नहीं खाता। 2 प्रयास बाकी।)");
        assertThat(delivery().getFailedAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> completeTask(wrong)).hasMessage("The OTP does not match. 1 attempt(s) left. (ओटीपी मेल नहीं खाता। 1 प्रयास बाकी।)");
        assertThatThrownBy(() -> completeTask(wrong))
                .hasMessage("Too many wrong OTPs: a new OTP has been sent to the citizen's phone."
                        + " (बहुत बार गलत ओटीपी: नागरिक के फ़ोन पर नया ओटीपी भेजा गया है।)");

        assertThat(delivery().getFailedAttempts()).isZero();
        assertThat(delivery().getOtpSentCount()).isEqualTo(2);
        assertThat(otpsSent()).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from request_milestone where milestone = ?",
                Integer.class, Deliveries.OTP_REPLACED)).isEqualTo(1);

        String second = otpsSent().get(1);
        completeTask(second);

        assertThat(delivery().isDelivered()).isTrue();
        assertThat(delivery().getDeliveredBy()).isEqualTo("mitan-sunita");
        assertThat(serviceRequests.findByRequestNumber(NUMBER)).get()
                .extracting(ServiceRequest::getStatus).isEqualTo(RequestStatus.DELIVERED);
        assertThat(outbox.findAll()).filteredOn(m -> m.getTemplate().equals(SmsTemplates.DELIVERED))
                .singleElement().extracting(SmsMessage::getBody).asString()
                .contains("RPR-BC-2026-900001", "/verify/VerifyCode900001");
    }

    /** The limits are counted in the database (outbox and deliveries), so that two nodes count together. */
    @Test
    void otpsAskedForByHandAreLimitedByWhatTheDatabaseHolds() {
        engineTransaction.executeWithoutResult(status -> deliveries.arrange(NUMBER, "mitan-sunita"));

        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "mitan-sunita", false))
                .isInstanceOf(OtpLimitReached.class).hasMessageContaining("Ask again after");
        assertThat(otpsSent()).hasSize(1);

        jdbc.update("update delivery set otp_sent_at = otp_sent_at - interval '2 minutes'");
        jdbc.update("update sms_message set created_at = created_at - interval '2 minutes'");
        deliveries.resendOtp(NUMBER, "mitan-sunita", false);
        assertThat(otpsSent()).hasSize(2);

        Long requestId = serviceRequests.findByRequestNumber(NUMBER).orElseThrow().getId();
        for (int i = 0; i < 3; i++) {
            outbox.save(new SmsMessage(requestId, "9876543210", SmsTemplates.DELIVERY_OTP, "en", "OTP 000000",
                    Instant.now().minusSeconds(3600)));
        }
        jdbc.update("update delivery set otp_sent_at = otp_sent_at - interval '2 minutes'");

        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "mitan-sunita", false))
                .isInstanceOfSatisfying(OtpLimitReached.class, limit -> {
                    assertThat(limit.getMessage()).contains("5 OTPs in the last 24 hours");
                    assertThat(limit.retryAfter()).isBetween(java.time.Duration.ofHours(22),
                            java.time.Duration.ofHours(24));
                });
        assertThat(otpsSent()).hasSize(5);
    }
}
