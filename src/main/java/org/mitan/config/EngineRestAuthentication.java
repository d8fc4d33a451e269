package org.mitan.config;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.mitan.web.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's authentication of the engine REST API, on the login Spring Security has already checked for the same
 * call. Spring Security's Basic filter checks the password of every call that carries one, on every path, and reads
 * the user's groups ({@link CamundaIdentityAuthenticationProvider}); Camunda's own Basic provider then checked the
 * password again and read the groups again, and its filter found the engine through a {@code ServiceLoader}: two
 * password checks, two group queries and a class-path scan per call (6 % of the application's CPU in the benchmark,
 * issue 11). Here the engine user is the one Spring Security authenticated, with the groups it read; a call without
 * a valid Basic login has no such user and gets Camunda's 401 as before (a wrong password is already refused by
 * Spring Security). The webapp session never counts here: {@link WebappSessionAuthenticationFilter} works on
 * {@code /api/**} only and the API keeps no session.
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

    private final ObjectProvider<ProcessEngine> engines;
    private volatile ProcessEngine engine;

    EngineRestAuthentication(ObjectProvider<ProcessEngine> engines) {
        this.engines = engines;
    }

    @Override
    public void init(FilterConfig config) {
        authenticationProvider = new SpringSecurityLogin();
        servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
    }

    /** The application's engine without a look through the class path; another name as Camunda finds it. */
    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
        ProcessEngine known = engine;
        if (known == null) {
            known = engines.getObject();
            engine = known;
        }
        return known.getName().equals(engineName) ? known : super.getAddressedEngine(engineName);
    }

    /** The user, groups and tenants of the call's Basic login, as Spring Security checked them. */
    static final class SpringSecurityLogin implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication login = SecurityContextHolder.getContext().getAuthentication();
            if (!(login instanceof UsernamePasswordAuthenticationToken) || !login.isAuthenticated()
                    || login.getName() == null) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(login.getName());
            result.setGroups(Caller.groupsOf(login));
            result.setTenants(Caller.tenantsOf(login));
            return result;
        }

        /** As Camunda's Basic provider: the browser or client is asked for a Basic login. */
        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
        }
    }
}
