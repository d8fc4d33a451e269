package org.mitan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class MitanApplication {

    public static void main(String[] args) {
        SpringApplication.run(MitanApplication.class, args);
    }
}
