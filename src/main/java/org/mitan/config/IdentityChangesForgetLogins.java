package org.mitan.config;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's own user and group store, which also makes {@link CheckedLogins} forget every login once a change to
 * users, groups, tenants or memberships is committed: a password set, a user taken out of a group or removed in
 * Camunda Admin counts from the next call. A user who joins a body's group is made readable to the body's
 * supervisors ({@link SupervisorsSeeTheirStaff}).
 */
class IdentityChangesForgetLogins extends AbstractProcessEnginePlugin {

    private final CheckedLogins logins;

    IdentityChangesForgetLogins(CheckedLogins logins) {
        this.logins = logins;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return Store.class;
            }

            @Override
            public Session openSession() {
                return new Store(logins);
            }
        });
    }

    /** Camunda's database identity provider; every write also forgets the checked logins when it commits. */
    static class Store extends DbIdentityServiceProvider {

        private final CheckedLogins logins;

        Store(CheckedLogins logins) {
            this.logins = logins;
        }

        private IdentityOperationResult forgetting(IdentityOperationResult result) {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> logins.forgetAll());
            return result;
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            return forgetting(super.saveUser(user));
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            return forgetting(super.deleteUser(userId));
        }

        @Override
        public IdentityOperationResult unlockUser(String userId) {
            return forgetting(super.unlockUser(userId));
        }

        @Override
        public IdentityOperationResult saveGroup(Group group) {
            return forgetting(super.saveGroup(group));
        }

        @Override
        public IdentityOperationResult deleteGroup(String groupId) {
            return forgetting(super.deleteGroup(groupId));
        }


        /** Also lets the supervisors of a body read a user who joins one of its groups. */
        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            IdentityOperationResult result = super.createMembership(userId, groupId);
            Context.getCommandContext().runWithoutAuthorization(() -> {
                SupervisorsSeeTheirStaff.memberJoined(
                        Context.getProcessEngineConfiguration().getAuthorizationService(), userId, groupId);
                return null;
            });
            return forgetting(result);
        }

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            return forgetting(super.deleteMembership(userId, groupId));
        }

        @Override
        public IdentityOperationResult deleteTenant(String tenantId) {
            return forgetting(super.deleteTenant(tenantId));
        }

        @Override
        public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
            return forgetting(super.createTenantUserMembership(tenantId, userId));
        }

        @Override
        public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
            return forgetting(super.createTenantGroupMembership(tenantId, groupId));
        }

        @Override
        public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
            return forgetting(super.deleteTenantUserMembership(tenantId, userId));
        }

        @Override
        public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
            return forgetting(super.deleteTenantGroupMembership(tenantId, groupId));
        }



    }
}
