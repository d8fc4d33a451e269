package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mitan.process.ProcessBean;

/** What an expression in a deployed model may touch when it runs, and what a deployment may not name. */
class ExpressionGuardTest {

    private final ExpressionGuard guard = new ExpressionGuard();
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @ProcessBean("published")
    static class Published {
    }

    @Test
    void variablesIdsAndTheBusinessKeyOfTheExecutionAreReachable() {
        for (String member : List.of("getVariable", "setVariable", "removeVariable", "getProcessBusinessKey")) {
            assertThatCode(() -> guard.invoke(null, execution, member, null, null)).doesNotThrowAnyException();
        }
        assertThatCode(() -> guard.getValue(null, execution, "processBusinessKey")).doesNotThrowAnyException();
    }

    @Test
    void nothingOfTheExecutionLeadsToTheEngine() {
        for (String member : List.of("getProcessEngineServices", "getProcessEngine", "getSuperExecution",
                "setProcessBusinessKey", "getClass")) {
            assertThatThrownBy(() -> guard.invoke(null, execution, member, null, null))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(member);
        }
        assertThatThrownBy(() -> guard.getValue(null, execution, "processEngineServices"))
                .isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void publishedBeansAndPlainValuesAreReachableButNotTheirClasses() {
        for (Object base : List.of(new Published(), "text", 3L, Boolean.TRUE, new Date())) {
            assertThatCode(() -> guard.invoke(null, base, "toString", null, null)).doesNotThrowAnyException();
            assertThatThrownBy(() -> guard.invoke(null, base, "getClass", null, null))
                    .isInstanceOf(ProcessEngineException.class);
            assertThatThrownBy(() -> guard.getValue(null, base, "class"))
                    .isInstanceOf(ProcessEngineException.class);
        }
    }

    @Test
    void otherObjectsAreRefused() {
        for (Object base : List.of(mock(RuntimeService.class), String.class, new Object(), Thread.currentThread())) {
            assertThatThrownBy(() -> guard.invoke(null, base, "toString", null, null))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("published process bean");
        }
    }

    @Test
    void mapsAndListsAreReadByIndexAsBefore() {
        assertThatCode(() -> guard.getValue(null, Map.of("a", 1), "a")).doesNotThrowAnyException();
        assertThatCode(() -> guard.getValue(null, List.of(1), 0)).doesNotThrowAnyException();
    }

    @Test
    void aDeploymentNamingAWayToClassesOrTheEngineBreaksARule() {
        assertThat(ModelRules.forbiddenIn("${''.getClass().forName('java.lang.Runtime')}")).isPresent();
        assertThat(ModelRules.forbiddenIn("${execution.getProcessEngineServices()}")).isPresent();
        assertThat(ModelRules.forbiddenIn("#{execution.processEngine}")).isPresent();
        assertThat(ModelRules.forbiddenIn("${serviceLevels.scrutinyGroup(execution)}")).isEmpty();
        assertThat(ModelRules.forbiddenIn("the class of getClass, in plain text")).isEmpty();
    }
}
