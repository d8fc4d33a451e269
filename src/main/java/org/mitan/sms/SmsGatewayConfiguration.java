package org.mitan.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the SMS provider from {@code mitan.sms.mode}; the HTTP provider refuses to start half-configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsGatewayConfiguration {

    @Bean
    SmsGateway smsGateway(SmsProperties properties, ObjectMapper json) {
        return switch (properties.mode()) {
            case LOG -> new LoggingSmsGateway();
            case HTTP -> {
                if (isBlank(properties.url()) || isBlank(properties.apiKey())) {
                    throw new IllegalStateException("mitan.sms.mode=http needs the SMS provider's address and key: "
                            + "set MITAN_SMS_URL (mitan.sms.url) and MITAN_SMS_API_KEY (mitan.sms.api-key), "
                            + "or use MITAN_SMS_MODE=log.");
                }
                yield new HttpSmsGateway(properties, json);
            }
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
