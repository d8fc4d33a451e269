package org.mitan.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Checks a user's grants for every group the user is in, as given. Before each call that checks grants, the engine
 * reads every group that holds any grant ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}) to leave the
 * user's other groups out of the check. That helps users in hundreds of directory groups; our users are in one to
 * three. But every open task holds grants of its own, so the read went through the whole table: 13 ms a call with
 * 10,000 open tasks, growing with them (issue 11). A group without grants matches no grant, so checking it changes no
 * answer.
 * <p>
 * The same manager asks whether any revoke exists only when this node has not found, within the last two seconds,
 * that none does ({@link RevokeGrants}).
 */
@Component
class AuthorizationGroups extends AbstractProcessEnginePlugin {

    private final RevokeGrants revokes;

    AuthorizationGroups(RevokeGrants revokes) {
        this.revokes = revokes;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(AuthorizationManager.class, new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven(revokes);
            }
        });
    }

    /**
     * The engine's authorization manager, without the read of every group that holds a grant, and without the
     * question whether the user has revokes while none exists at all.
     */
    static class GroupsAsGiven extends AuthorizationManager {

        private final RevokeGrants revokes;

        GroupsAsGiven(RevokeGrants revokes) {
            this.revokes = revokes;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }

        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            if (isRevokeAuthCheckUsed == null && !revokes.anyExist(GroupsAsGiven::anyRevokeInTable)) {
                isRevokeAuthCheckUsed = Boolean.FALSE;
            }
            return super.isRevokeAuthCheckEnabled(userId, groupIds);
        }

        @Override
        public void insert(DbEntity authorization) {
            super.insert(authorization);
            noteRevoke(authorization);
        }

        @Override
        public void update(AuthorizationEntity authorization) {
            super.update(authorization);
            noteRevoke(authorization);
        }

        /** A revoke saved in this command counts for every command from its commit on. */
        private void noteRevoke(DbEntity saved) {
            if (saved instanceof AuthorizationEntity authorization
                    && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
                revokes.forget();
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> revokes.forget());
            }
        }

        /** Whether the table holds any revoke, read on the command's own connection. */
        private static boolean anyRevokeInTable() {
            CommandContext context = Context.getCommandContext();
            String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement any = connection.prepareStatement(
                    "select exists (select 1 from " + table + " where TYPE_ = ?)")) {
                any.setInt(1, Authorization.AUTH_TYPE_REVOKE);
                try (ResultSet result = any.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not read whether any revoke grant exists", e);
            }
        }
    }
}
