package org.mitan.sms;

import java.util.Map;
import java.util.function.Function;

import org.mitan.request.ServiceRequest;

/**
 * The values an SMS text can use: their names (the {@code {placeholders}} of {@code sms/templates_*.properties}),
 * and the question the outbox asks for the values its sender left out. The answer is gathered from the request
 * and what belongs to it (its Mitan, its certificate, the documents still missing) by the notification module,
 * which sits above the modules that own those facts; the outbox, below them, knows only this question.
 */
public interface SmsValues {

    String REQUEST_NUMBER = "requestNumber";
    String SERVICE_NAME = "serviceName";
    String VISIT_WINDOW = "visitWindow";
    String MITAN_NAME = "mitanName";
    String MITAN_PHONE = "mitanPhone";
    String CERTIFICATE_NUMBER = "certificateNumber";
    String VERIFY_URL = "verifyUrl";
    String FEEDBACK_URL = "feedbackUrl";
    /** The citizen's status page, {@code /status/{code}}: in the texts that tell where the request stands. */
    String STATUS_URL = "statusUrl";
    String DOCUMENTS = "documents";
    String REASON = "reason";
    String TASK_NAME = "taskName";
    /** Not gathered: only the delivery step knows it. */
    String OTP = "otp";

    /**
     * Values for {@code template} in {@code language}. {@code variables} looks up process variables by name
     * ({@code execution::getVariable}); pass {@code name -> null} outside a process. A value that is not known is
     * left out. The map is mutable, so a caller can add what only it knows (the OTP).
     */
    Map<String, Object> gather(ServiceRequest request, String template, String language,
            Function<String, Object> variables);
}
