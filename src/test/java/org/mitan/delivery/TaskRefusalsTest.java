package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.LogInterceptor;
import org.junit.jupiter.api.Test;

class TaskRefusalsTest {

    private static TaskRefusals.UnwrapRefusal interceptorThrowing(RuntimeException thrown) {
        TaskRefusals.UnwrapRefusal interceptor = new TaskRefusals.UnwrapRefusal();
        interceptor.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw thrown;
            }
        });
        return interceptor;
    }

    @Test
    void aRefusalWrappedByTheEngineComesOutItself() {
        WrongOtpException refusal = new WrongOtpException("The OTP does not match. 2 attempt(s) left.");
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception ...",
                new ProcessEngineException("Exception while invoking TaskListener: ...", refusal));

        assertThatThrownBy(() -> interceptorThrowing(wrapped).execute(commandContext -> null)).isSameAs(refusal);
    }

    @Test
    void otherEngineExceptionsPassUnchanged() {
        ProcessEngineException failure = new ProcessEngineException("database down",
                new IllegalStateException("connection refused"));
        IllegalArgumentException notEngine = new IllegalArgumentException("bad");

        assertThatThrownBy(() -> interceptorThrowing(failure).execute(commandContext -> null)).isSameAs(failure);
        assertThatThrownBy(() -> interceptorThrowing(notEngine).execute(commandContext -> null)).isSameAs(notEngine);
    }

    @Test
    void resultsPassThrough() {
        TaskRefusals.UnwrapRefusal interceptor = new TaskRefusals.UnwrapRefusal();
        interceptor.setNext(new CommandInterceptor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                return (T) "done";
            }
        });

        String result = interceptor.execute(commandContext -> "ignored");

        assertThat(result).isEqualTo("done");
    }

    @Test
    void isAddedToTheExistingPreTransactionInterceptors() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        LogInterceptor existing = new LogInterceptor();
        configuration.setCustomPreCommandInterceptorsTxRequired(List.of(existing));

        new TaskRefusals().preInit(configuration);

        assertThat(configuration.getCustomPreCommandInterceptorsTxRequired()).hasSize(2).first().isSameAs(existing);
        assertThat(configuration.getCustomPreCommandInterceptorsTxRequired().get(1))
                .isInstanceOf(TaskRefusals.UnwrapRefusal.class);
    }
}
