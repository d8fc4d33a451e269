package org.mitan.sms;

import java.util.Map;

import org.mitan.request.ServiceRequest;

/**
 * Queues SMS in the outbox within the caller's transaction, rendered from the template in the citizen's language.
 * A dispatcher sends them afterwards through the configured {@link SmsGateway}.
 */
public interface SmsService {

    /** To the citizen of the request, in the request's language. */
    SmsMessage toCitizen(ServiceRequest request, String template, Map<String, ?> params);

    /** To another phone (a supervisor), about a request. */
    SmsMessage toPhone(ServiceRequest request, String phone, String language, String template, Map<String, ?> params);
}
