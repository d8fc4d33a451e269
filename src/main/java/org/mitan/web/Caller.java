package org.mitan.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated user of an API call: a Camunda user id and the Camunda groups it belongs to.
 * Spring Security carries each group as the authority {@code GROUP_<groupId>}. A role is held state-wide (the
 * plain group, e.g. {@code supervisor}) or at named bodies ({@code supervisor-RPR}); see {@link Roles}.
 */
public record Caller(String userId, Set<String> groups) {

    public static final String AUTHORITY_PREFIX = "GROUP_";
    /** Camunda tenants a login belongs to (none in Mitan's own data) travel as {@code TENANT_<tenantId>}. */
    public static final String TENANT_AUTHORITY_PREFIX = "TENANT_";

    /** The caller of the current request; 401 problem when nobody is logged in. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "Not logged in",
                    "Log in with your Mitan user name and password.");
        }
        return new Caller(authentication.getName(), Set.copyOf(groupsOf(authentication)));
    }

    /** The Camunda groups a login carries, in the order of its authorities. */
    public static List<String> groupsOf(Authentication authentication) {
        return prefixed(authentication, AUTHORITY_PREFIX);
    }

    /** The Camunda tenants a login carries, in the order of its authorities. */
    public static List<String> tenantsOf(Authentication authentication) {
        return prefixed(authentication, TENANT_AUTHORITY_PREFIX);
    }

    private static List<String> prefixed(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .toList();
    }

    /** Member of one of these groups, exactly as named (state-level roles). */
    public boolean inAnyGroup(String... candidates) {
        return Arrays.stream(candidates).anyMatch(groups::contains);
    }

    /** Holds the role anywhere: state-wide or at some body. */
    public boolean hasRole(String role) {
        return groups.contains(role) || groups.stream()
                .anyMatch(group -> Roles.parse(group).filter(held -> held.role().equals(role)).isPresent());
    }

    /** Holds the role for this body: state-wide, or at the body itself. */
    public boolean hasRoleFor(String role, String bodyCode) {
        return groups.contains(role) || groups.contains(Roles.ofBody(role, bodyCode));
    }
}
