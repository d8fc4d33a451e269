package org.mitan.delivery;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a task listener refuse a completion with a message for the person at the form, such as
 * {@link WrongOtpException}. The engine wraps whatever a listener throws, twice, and its REST API and Tasklist
 * then answer 500 with the wrappers' text. This plugin adds a command interceptor outside the transaction (which
 * has rolled back by then) that throws the refusal itself instead; Camunda's REST API answers a
 * {@link FormFieldValidationException} with 400 "Cannot complete task ...: &lt;message&gt;".
 */
@Component
class TaskRefusals extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new UnwrapRefusal());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Rethrows a refusal found among the causes of an engine exception; anything else passes unchanged. */
    static class UnwrapRefusal extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                throw refusalIn(e);
            }
        }

        private static ProcessEngineException refusalIn(ProcessEngineException thrown) {
            for (Throwable cause = thrown; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException refusal) {
                    return refusal;
                }
            }
            return thrown;
        }
    }
}
