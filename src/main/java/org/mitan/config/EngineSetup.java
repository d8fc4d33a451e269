package org.mitan.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts role groups, their authorizations and the Tasklist filters in place once the engine is up. */
@Component
class EngineSetup {

    private final RolesAndAuthorizations roles;
    private final TasklistFilters filters;

    EngineSetup(RolesAndAuthorizations roles, TasklistFilters filters) {
        this.roles = roles;
        this.filters = filters;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void apply() {
        roles.apply();
        filters.apply();
    }
}
