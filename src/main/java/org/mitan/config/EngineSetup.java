package org.mitan.config;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.Names;
import org.mitan.municipality.UrbanBodyAdded;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.process.EngineCalls;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts role groups, their authorizations and the Tasklist filters in place once the engine is up, and the staff
 * groups of every urban body for the application's roles and every role the deployed types name: on every start,
 * as a body is added, and after each deployment (a new type may bring a new department).
 */
@Component
class EngineSetup {

    private final RolesAndAuthorizations roles;
    private final TasklistFilters filters;
    private final UrbanBodyRepository bodies;
    private final Catalogue catalogue;
    private final IdentityService identity;

    EngineSetup(RolesAndAuthorizations roles, TasklistFilters filters, UrbanBodyRepository bodies,
            Catalogue catalogue, IdentityService identity) {
        this.roles = roles;
        this.filters = filters;
        this.bodies = bodies;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void apply() {
        roles.apply();
        filters.apply();
        applyTypeRoles();
    }

    @EventListener
    void bodyAdded(UrbanBodyAdded added) {
        Map<String, List<Names>> stepsByRole = catalogue.stepsByRole();
        roles.applyBody(added.code(), added.nameEn(), stepsByRole.keySet());
        filters.applyBody(added.code());
    }

    @EventListener
    void deployed(ModelsDeployed deployed) {
        catalogue.forgetReads();
        applyTypeRoles();
    }

    /** The versions found before are no longer sure to be the latest. */
    @EventListener
    void deploymentDeleted(DeploymentDeleted deleted) {
        catalogue.forgetReads();
    }

    /** As the application: the analyst who deployed may not create groups or filters, and need not. */
    private void applyTypeRoles() {
        EngineCalls.withoutAuthentication(identity, () -> {
            Map<String, List<Names>> stepsByRole = catalogue.stepsByRole();
            filters.applyRoles(stepsByRole);
            bodies.findAll().forEach(body -> {
                roles.applyBody(body.getCode(), body.getNameEn(), stepsByRole.keySet());
                filters.applyBody(body.getCode());
            });
            return null;
        });
    }

    /** A deployment was made: the types, and with them the roles, may have changed. */
    record ModelsDeployed(String deploymentId) {
    }

    /** A deployment was deleted: an older version of a type may be the latest again. */
    record DeploymentDeleted() {
    }
}
