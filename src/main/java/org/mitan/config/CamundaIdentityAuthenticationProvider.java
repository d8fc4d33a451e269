package org.mitan.config;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.mitan.web.Caller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user name and password against Camunda's identity service; the user's groups and tenants become
 * authorities. A login checked a short time ago with the same password is taken from {@link CheckedLogins}.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final CheckedLogins checkedLogins;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, CheckedLogins checkedLogins) {
        this.identityService = identityService;
        this.checkedLogins = checkedLogins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("Wrong user name or password.");
        }
        String password = credentials.toString();
        List<? extends GrantedAuthority> authorities = checkedLogins.authoritiesOf(userId, password);
        if (authorities == null) {
            long generation = checkedLogins.generation();
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("Wrong user name or password.");
            }
            authorities = authoritiesOf(identityService, userId);
            checkedLogins.remember(userId, password, authorities, generation);
        }
        return new UsernamePasswordAuthenticationToken(userId, null, authorities);
    }

    /**
     * The user's groups, and the tenants the user belongs to directly or through a group (as Camunda's own REST
     * filter reads them), as authorities.
     */
    static List<SimpleGrantedAuthority> authoritiesOf(IdentityService identityService, String userId) {
        Stream<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> Caller.AUTHORITY_PREFIX + group.getId());
        Stream<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream()
                .map(tenant -> Caller.TENANT_AUTHORITY_PREFIX + tenant.getId());
        return Stream.concat(groups, tenants).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
