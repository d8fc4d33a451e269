package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.List;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the model tests: the shared engine for Camunda BPM Assert, and the fakes of the Spring beans (registered
 * by each test with {@code Mocks}) cleared after every test. Each test class registers its own coverage extension.
 */
abstract class EngineProcessTest {

    @BeforeAll
    static void useEngine() {
        BpmnAwareTests.init(ProcessTestEngine.get());
    }

    @AfterAll
    static void releaseEngine() {
        BpmnAwareTests.reset();
    }

    @AfterEach
    void clearFakes() {
        Mocks.reset();
    }

    /** The groups a task is offered to. */
    static List<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    /** The newest deployed definition of the process. */
    static ProcessDefinition definition(String key) {
        return repositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }
}
