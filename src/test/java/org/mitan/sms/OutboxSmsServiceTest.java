package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mitan.notification.SmsParameters;
import org.mitan.process.SmsTemplates;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

class OutboxSmsServiceTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");

    private final SmsMessageRepository outbox = mock(SmsMessageRepository.class);
    private final SmsParameters parameters = mock(SmsParameters.class);
    private final OutboxSmsService service = new OutboxSmsService(new SmsTexts(), parameters, outbox,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static ServiceRequest request(String language) {
        return new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh Verma",
                "9876543210", "Ward 12, Raipur", VisitWindow.MORNING, language, "fb123", NOW);
    }

    @Test
    void queuesTheRenderedTextAsPendingForTheCitizenInTheirLanguage() {
        when(outbox.save(any())).thenAnswer(invocation -> invocation.getArgument(0));

        SmsMessage message = service.toCitizen(request("hi"), SmsTemplates.SUBMITTED,
                Map.of("requestNumber", "RPR-2026-000042", "serviceName", "जन्म प्रमाण पत्र",
                        "statusUrl", "https://mitan.example/status/0123456789abcdef01234567"));

        assertThat(message.getStatus()).isEqualTo(SmsStatus.PENDING);
        assertThat(message.getPhone()).isEqualTo("9876543210");
        assertThat(message.getLanguage()).isEqualTo("hi");
        assertThat(message.getTemplate()).isEqualTo(SmsTemplates.SUBMITTED);
        assertThat(message.getBody()).contains("जन्म प्रमाण पत्र आवेदन RPR-2026-000042")
                .endsWith("स्थिति: https://mitan.example/status/0123456789abcdef01234567");
        assertThat(message.getCreatedAt()).isEqualTo(NOW);
        assertThat(message.getAttempts()).isZero();
        verify(outbox).save(message);
    }

    @Test
    void queuesToAnotherPhoneInTheGivenLanguageWithTheNumberNormalised() {
        when(outbox.save(any())).thenAnswer(invocation -> invocation.getArgument(0));

        SmsMessage message = service.toPhone(request("hi"), "+91 70000 12345", "en",
                SmsTemplates.TASK_OVERDUE, Map.of("requestNumber", "RPR-2026-000042",
                        "serviceName", "birth certificate",
                        "taskName", "Scrutinise documents"));

        assertThat(message.getPhone()).isEqualTo("7000012345");
        assertThat(message.getLanguage()).isEqualTo("en");
        assertThat(message.getBody()).contains("\"Scrutinise documents\"");
    }

    @Test
    void fillsInWhatTheCallerDidNotPassAndKeepsWhatItDid() {
        when(outbox.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
        ServiceRequest request = request("en");
        when(parameters.gather(eq(request), eq(SmsTemplates.CERTIFICATE_ISSUED), eq("en"), any()))
                .thenReturn(new HashMap<>(Map.of("serviceName", "birth certificate", "mitanName", "Sunita Sahu",
                        "certificateNumber", "gathered", "verifyUrl", "https://mitan.example/verify/abc",
                        "statusUrl", "https://mitan.example/status/def")));

        SmsMessage message = service.toCitizen(request, SmsTemplates.CERTIFICATE_ISSUED,
                Map.of("certificateNumber", "RPR-BC-2026-000007"));

        assertThat(message.getBody()).isEqualTo("Mitan: your birth certificate RPR-BC-2026-000007 is ready. "
                + "Sunita Sahu will bring it to your home. Check it at https://mitan.example/verify/abc"
                + " Status: https://mitan.example/status/def");
    }

    @Test
    void gathersNothingWhenTheCallerPassedEverything() {
        when(outbox.save(any())).thenAnswer(invocation -> invocation.getArgument(0));

        service.toCitizen(request("en"), SmsTemplates.SUBMITTED,
                Map.of("requestNumber", "RPR-2026-000042", "serviceName", "birth certificate",
                        "statusUrl", "https://mitan.example/status/0123456789abcdef01234567"));

        verifyNoInteractions(parameters);
    }

    @Test
    void writesNothingWhenTheTextCannotBeFilled() {
        when(parameters.gather(any(), any(), any(), any())).thenReturn(new HashMap<>());

        assertThatThrownBy(() -> service.toCitizen(request("en"), SmsTemplates.MITAN_ASSIGNED,
                Map.of("requestNumber", "RPR-2026-000042")))
                .isInstanceOf(SmsRenderingException.class);
        assertThatThrownBy(() -> service.toPhone(request("en"), "12345", "en", SmsTemplates.SUBMITTED,
                Map.of("requestNumber", "RPR-2026-000042", "serviceName", "birth certificate")))
                .isInstanceOf(IllegalArgumentException.class);
        verify(outbox, never()).save(any());
    }

    @Test
    void joinsTheCallersTransaction() {
        for (String method : new String[] {"toCitizen", "toPhone"}) {
            Transactional transactional = Arrays.stream(OutboxSmsService.class.getDeclaredMethods())
                    .filter(m -> m.getName().equals(method)).findFirst().orElseThrow()
                    .getAnnotation(Transactional.class);
            assertThat(transactional).isNotNull();
            assertThat(transactional.propagation()).isEqualTo(Propagation.REQUIRED);
        }
    }
}
