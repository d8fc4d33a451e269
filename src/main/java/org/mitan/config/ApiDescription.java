package org.mitan.config;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api-docs} names the application's public address ({@code mitan.public-base-url})
 * as its server. Left to itself, springdoc would write whatever the request's {@code Host} header said, and a
 * forged header would put another site's address into the description.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI mitanOpenApi(@Value("${mitan.public-base-url}") String publicBaseUrl) {
        return new OpenAPI()
                .info(new Info().title("Mitan").description("Doorstep certificates: requests, documents, delivery"))
                .servers(List.of(new Server().url(publicBaseUrl.strip().replaceAll("/+$", ""))));
    }
}
