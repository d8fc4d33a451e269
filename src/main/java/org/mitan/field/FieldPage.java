package org.mitan.field;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /field/} is the field page ({@code static/field/index.html}); {@code /field} leads there. */
@Configuration(proxyBeanMethods = false)
class FieldPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/field", "/field/");
        registry.addViewController("/field/").setViewName("forward:/field/index.html");
    }
}
