package org.mitan.process;

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
}
