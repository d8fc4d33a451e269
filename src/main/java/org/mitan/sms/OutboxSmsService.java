package org.mitan.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mitan.request.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes each SMS, fully rendered, into the outbox in the caller's transaction: a step that rolls back sends
 * nothing, and a committed step's SMS is sent by {@link SmsDispatcher} even if the provider is down right now.
 * Callers pass what only they know (an OTP, a reference); whatever else the text needs is gathered from the
 * request by {@link SmsValues}. A value the caller passes wins over the gathered one.
 */
@Service
class OutboxSmsService implements SmsService {

    private static final Logger log = LoggerFactory.getLogger(OutboxSmsService.class);

    private final SmsTexts texts;
    private final SmsValues parameters;
    private final SmsMessageRepository outbox;
    private final Clock clock;

    OutboxSmsService(SmsTexts texts, SmsValues parameters, SmsMessageRepository outbox, Clock clock) {
        this.texts = texts;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public SmsMessage toCitizen(ServiceRequest request, String template, Map<String, ?> params) {
        return queue(request, request.getCitizenPhone(), request.getLanguage(), template, params);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public SmsMessage toPhone(ServiceRequest request, String phone, String language, String template,
            Map<String, ?> params) {
        return queue(request, phone, language, template, params);
    }

    private SmsMessage queue(ServiceRequest request, String phone, String language, String template,
            Map<String, ?> params) {
        String to = PhoneNumbers.normalise(phone);
        String body = texts.render(template, language, complete(request, template, language, params));
        SmsMessage message = outbox.save(new SmsMessage(request == null ? null : request.getId(), to, template,
                language, body, Instant.now(clock)));
        log.info("SMS {} queued for request {} to {}", template,
                request == null ? "-" : request.getRequestNumber(), PhoneNumbers.mask(to));
        return message;
    }

    /** The caller's values, plus the gathered ones for any placeholder the caller left without a value. */
    private Map<String, ?> complete(ServiceRequest request, String template, String language,
            Map<String, ?> params) {
        boolean complete = texts.placeholders(template, language).stream()
                .allMatch(name -> params.get(name) != null && !params.get(name).toString().isBlank());
        if (complete || request == null) {
            return params;
        }
        Map<String, Object> all = new LinkedHashMap<>(parameters.gather(request, template, language, name -> null));
        params.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                all.put(name, value);
            }
        });
        return all;
    }
}
