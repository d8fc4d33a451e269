package org.mitan.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * Has PostgreSQL plan the engine's queries that join rows to the reader's grants (a task list, a filter's count, a
 * list of requests in Cockpit) for the values of each call. The driver prepares a statement on the server from its
 * fifth use on a connection, and PostgreSQL may then keep one generic plan, made without the values. For these
 * queries that plan guessed one matching grant ({@code PERMS_ & $4 = $4} has no statistics without its value) and
 * compared every open task with every grant: 30 to 60 s for the clerk's first page with 10,000 open tasks, from the
 * sixth call on a connection, against 0.4 s planned for the values (issue 11, with {@link AuthorizationStatistics}).
 * <p>
 * Every other statement is still prepared on the server, its plan left to PostgreSQL: planning every statement for
 * its values (PostgreSQL's {@code plan_cache_mode = force_custom_plan}) also replans the foreign-key checks of every
 * insert and delete, and more than doubled the database's CPU per lifecycle (178 to 434 ms). The engine names the
 * joined grants {@code AUTH}; a statement that reads them that way is sent unprepared.
 */
@Component
class GrantJoinPlans extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlanForValues());
    }

    /** Asked of every statement the engine prepares, without copying it: its mappings write these names in capitals. */
    static boolean joinsGrants(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        return sql.regionMatches(true, start, "SELECT", 0, "SELECT".length()) && sql.contains("AUTH.RESOURCE_ID_")
                && sql.contains("ACT_RU_AUTHORIZATION");
    }

    /** Marks the statements that join grants as used once, so that the driver never prepares them on the server. */
    @Intercepts(@Signature(type = StatementHandler.class, method = "prepare",
            args = {Connection.class, Integer.class}))
    static class PlanForValues implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            Statement statement = (Statement) invocation.proceed();
            StatementHandler handler = (StatementHandler) invocation.getTarget();
            if (joinsGrants(handler.getBoundSql().getSql()) && statement.isWrapperFor(PGStatement.class)) {
                planForValues(statement);
            }
            return statement;
        }

        private static void planForValues(Statement statement) throws SQLException {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
