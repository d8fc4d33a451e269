package org.mitan.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses to start without the database password: there is no default password outside the {@code dev} profile.
 * (The object store's keys are checked by the storage configuration, the outside systems' keys by their clients.)
 */
@Configuration(proxyBeanMethods = false)
class RequiredSecrets {

    @Bean
    static BeanPostProcessor databasePasswordCheck() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSourceProperties properties
                        && (properties.getPassword() == null || properties.getPassword().isBlank())) {
                    throw new IllegalStateException("MITAN_DB_PASSWORD is not set. Set it (and MITAN_DB_URL, "
                            + "MITAN_DB_USER) to the PostgreSQL account of the application; see README.md, "
                            + "Configuration.");
                }
                return bean;
            }
        };
    }
}
