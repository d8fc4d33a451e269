package org.mitan.config;

import org.mitan.municipality.UrbanBodyAdded;
import org.mitan.municipality.UrbanBodyRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts role groups, their authorizations and the Tasklist filters in place once the engine is up, and the staff
 * groups of every urban body: on every start, and as a body is added.
 */
@Component
class EngineSetup {

    private final RolesAndAuthorizations roles;
    private final TasklistFilters filters;
    private final UrbanBodyRepository bodies;

    EngineSetup(RolesAndAuthorizations roles, TasklistFilters filters, UrbanBodyRepository bodies) {
        this.roles = roles;
        this.filters = filters;
        this.bodies = bodies;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void apply() {
        roles.apply();
        filters.apply();
        bodies.findAll().forEach(body -> applyBody(body.getCode(), body.getNameEn()));
    }

    @EventListener
    void bodyAdded(UrbanBodyAdded added) {
        applyBody(added.code(), added.nameEn());
    }

    private void applyBody(String code, String name) {
        roles.applyBody(code, name);
        filters.applyBody(code);
    }
}
