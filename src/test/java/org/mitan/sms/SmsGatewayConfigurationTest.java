package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmsGatewayConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(SmsGatewayConfiguration.class);

    @Test
    void logsByDefault() {
        context.run(app -> assertThat(app).getBean(SmsGateway.class).isInstanceOf(LoggingSmsGateway.class));
    }

    @Test
    void usesTheHttpProviderWhenConfigured() {
        context.withPropertyValues("mitan.sms.mode=http", "mitan.sms.url=https://sms.example/send",
                        "mitan.sms.api-key=k3y", "mitan.sms.read-timeout=3s")
                .run(app -> {
                    assertThat(app).getBean(SmsGateway.class).isInstanceOf(HttpSmsGateway.class);
                    assertThat(app.getBean(SmsProperties.class).readTimeout()).hasSeconds(3);
                });
    }

    @Test
    void refusesToStartInHttpModeWithoutUrlOrKey() {
        context.withPropertyValues("mitan.sms.mode=http", "mitan.sms.url=https://sms.example/send",
                        "mitan.sms.api-key=")
                .run(app -> assertThat(app).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("MITAN_SMS_API_KEY").hasMessageContaining("MITAN_SMS_URL"));
        context.withPropertyValues("mitan.sms.mode=http", "mitan.sms.api-key=k3y")
                .run(app -> assertThat(app).hasFailed());
    }

    @Test
    void refusesAnUnknownMode() {
        context.withPropertyValues("mitan.sms.mode=pigeon")
                .run(app -> assertThat(app).hasFailed().getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'mitan.sms.mode'"));
    }
}
