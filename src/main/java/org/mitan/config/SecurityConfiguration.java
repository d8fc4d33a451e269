package org.mitan.config;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.mitan.text.Excerpt;
import org.mitan.web.BodySizeLimit;
import org.mitan.web.DatabaseOutages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * One user store for everything: Camunda's identity service, managed in Camunda Admin.
 * <ul>
 * <li>{@code /api/**}: HTTP Basic against Camunda's users; officers already logged into Tasklist may also open
 * links (GET) with their webapp session, so the document links in a task form just work.</li>
 * <li>{@code /engine-rest/**}: Camunda's authentication filter, so that engine authorizations apply, on the Basic
 * login checked here ({@link EngineRestAuthentication}).</li>
 * <li>{@code /camunda/**}: the webapps, which have their own login, session and CSRF protection.</li>
 * <li>Public on purpose: certificate verification ({@code /verify/**}), citizen feedback ({@code /feedback/**}),
 * the citizen's status page ({@code /status/**}, by an unguessable code), the payment gateway's signed callback
 * ({@code POST /api/payments/callback}) and the API description. The field page
 * ({@code /field/}) is static; what it shows comes from {@code /api/**} with the webapp session.</li>
 * </ul>
 * Writes that a browser marks as coming from another site are refused before any of this, on every path
 * ({@link CrossSiteRequestFilter}), and so are addresses that percent-encode letters or digits
 * ({@link PathSpellingFilter}). Spring Boot's generated in-memory user is
 * switched off in {@code MitanApplication}, so that no second user store exists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** How much of the firewall's words a refusal shows: they quote the refused header or path. */
    private static final int REJECTION_SHOWN = 200;

    /** Logins checked within {@code mitan.security.checked-login-ttl} (30 s; 0 keeps none) are not checked again. */
    @Bean
    CheckedLogins checkedLogins(@Value("${mitan.security.checked-login-ttl}") Duration timeToLive, Clock clock) {
        return new CheckedLogins(timeToLive, clock);
    }

    @Bean
    IdentityChangesForgetLogins identityChangesForgetLogins(CheckedLogins checkedLogins) {
        return new IdentityChangesForgetLogins(checkedLogins);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, CheckedLogins checkedLogins,
            ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/verify/**", "/feedback/**", "/status/**").permitAll()
                        .requestMatchers("/api-docs/**", "/swagger-ui/**").permitAll()
                        // the payment gateway's callback: its body is signed (payment.CallbackSignature)
                        .requestMatchers(HttpMethod.POST, "/api/payments/callback").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/engine-rest/**").permitAll()
                        .anyRequest().permitAll())
                .authenticationProvider(new CamundaIdentityAuthenticationProvider(identityService, checkedLogins))
                .httpBasic(basic -> basic.realmName("Mitan")
                        .authenticationEntryPoint((request, response, e) -> {
                            // A page's own script (the field page) shows its login form: no browser password box.
                            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                                response.setHeader("WWW-Authenticate", "Basic realm=\"Mitan\"");
                            }
                            writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Not logged in",
                                    "Log in with your Mitan user name and password.");
                        }))
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, json,
                                HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this.")))
                // Stateless, and never renew the webapp's session id: Tasklist and Cockpit calls in flight keep it.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // The API is stateless (Basic) and the webapp session is honoured for GET only; cross-site
                // writes are refused by CrossSiteRequestFilter; the webapps under /camunda carry their own
                // CSRF protection.
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** The database out of reach is a 503 problem wherever it is met, Spring Security's password check included. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ObjectMapper json, DatabaseOutages outages) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(json, outages));
        registration.setName("mitan-database-outage-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 30);
        return registration;
    }

    /**
     * Refuses addresses that percent-encode what has a plain spelling ({@code /%61pi/...}), on every path, before
     * anything else looks at the address.
     */
    @Bean
    FilterRegistrationBean<PathSpellingFilter> pathSpellingFilter(ObjectMapper json) {
        FilterRegistrationBean<PathSpellingFilter> registration =
                new FilterRegistrationBean<>(new PathSpellingFilter(json));
        registration.setName("mitan-path-spelling-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    /**
     * Refuses, with 413, a body of the application's own calls larger than they take ({@link BodySizeLimit}), before
     * anything reads it, the login included.
     */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ObjectMapper json) {
        return bodySizeLimit(json, "mitan-body-size-limit", BodySizeLimit.MAX_BYTES, "/api/*", "/feedback/*");
    }

    /** The same for Camunda's REST API and the webapps' API, with their larger limit. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> engineBodySizeLimit(ObjectMapper json) {
        return bodySizeLimit(json, "mitan-engine-body-size-limit", BodySizeLimit.ENGINE_MAX_BYTES, "/engine-rest/*",
                "/camunda/api/*");
    }

    private static FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ObjectMapper json, String name, int maxBytes,
            String... paths) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(maxBytes,
                (response, refusal) -> writeProblem(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "Body too large",
                        refusal)));
        registration.setName(name);
        registration.addUrlPatterns(paths);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 15);
        return registration;
    }

    /**
     * Refuses cross-site writes on every path (the APIs, feedback, the engine REST API and the webapps) before Spring
     * Security and Camunda see them.
     */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(ObjectMapper json) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration =
                new FilterRegistrationBean<>(new CrossSiteRequestFilter(json));
        registration.setName("mitan-cross-site-request-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * The engine REST API and the webapps' API find their engine through the service files, read once
     * ({@link ServiceFilesInMemory}); first of all filters, so that no call to them walks the jars again.
     */
    @Bean
    FilterRegistrationBean<ServiceFilesInMemory.Requests> serviceFilesInMemory() {
        FilterRegistrationBean<ServiceFilesInMemory.Requests> registration =
                new FilterRegistrationBean<>(new ServiceFilesInMemory.Requests());
        registration.setName("mitan-service-files-in-memory");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * What Spring Security's firewall refuses (an encoded slash, a semicolon, {@code ..} in the path) is a 400
     * problem detail, not an error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> writeProblem(response, json, HttpStatus.BAD_REQUEST,
                "Address refused", "This address is not accepted here ("
                        + Excerpt.bounded(rejected.getMessage(), REJECTION_SHOWN) + "). Use the"
                        + " address as the application or its documentation gives it.");
    }

    /**
     * Camunda's authentication on the engine REST API, so that engine authorizations apply: 401 without a valid Basic
     * login, the user being the one Spring Security checked ({@link EngineRestAuthentication}).
     */
    @Bean
    FilterRegistrationBean<EngineRestAuthentication> engineRestAuthentication(ObjectProvider<ProcessEngine> engine) {
        FilterRegistrationBean<EngineRestAuthentication> registration =
                new FilterRegistrationBean<>(new EngineRestAuthentication(engine));
        registration.setName("camunda-engine-rest-auth");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(200);
        return registration;
    }

    static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
