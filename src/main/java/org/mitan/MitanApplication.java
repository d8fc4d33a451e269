package org.mitan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Users live in Camunda's identity service only: Spring Boot's generated in-memory user is switched off. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class MitanApplication {

    public static void main(String[] args) {
        SpringApplication.run(MitanApplication.class, args);
    }
}
