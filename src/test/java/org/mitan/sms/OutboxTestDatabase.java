package org.mitan.sms;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.Optional;

import org.mitan.EmbeddedInfrastructure;
import org.mitan.document.RequiredDocuments;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.TestTypes;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests of the outbox and the delivery on the real schema (embedded PostgreSQL, Flyway), with real transactions
 * (no test transaction around each test) and without the engine. Every class using it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(properties = "spring.jpa.show-sql=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedInfrastructure.class)
@Import(OutboxTestDatabase.Services.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface OutboxTestDatabase {

    /** The services under test, found by name so that they can stay package-private. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "org.mitan", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = {
                "org\\.mitan\\.request\\.Requests",
                "org\\.mitan\\.sms\\.(SmsTexts|OutboxSmsService)",
                "org\\.mitan\\.notification\\.SmsParameters",
                "org\\.mitan\\.delivery\\.(Deliveries|Otps|OtpLimits)"}))
    class Services {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** The engine's decisions are not here; these tests send no text that lists documents. */
        @Bean
        RequiredDocuments requiredDocuments() {
            return mock(RequiredDocuments.class);
        }

        @Bean
        Catalogue catalogue() {
            Catalogue catalogue = mock(Catalogue.class);
            when(catalogue.type(anyString())).thenReturn(Optional.of(TestTypes.type("birth-certificate",
                    "Birth certificate", "Registrar")));
            return catalogue;
        }
    }
}
