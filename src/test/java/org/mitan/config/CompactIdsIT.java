package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The engine gives the application's compact ids to what a request makes: its process, tasks and history rows. */
@MitanIntegrationTest
class CompactIdsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aRegisteredRequestsProcessTasksAndHistoryCarryCompactIds() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone());
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("birth-certificate")
                .processInstanceBusinessKey(number).singleResult();

        List<String> ids = new ArrayList<>(List.of(instance.getId()));
        tasks.createTaskQuery().processInstanceId(instance.getId()).list().forEach(task -> ids.add(task.getId()));
        // an activity instance's id is its activity's id, a colon and an id from the generator
        history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(HistoricActivityInstance::getId).map(id -> id.substring(id.lastIndexOf(':') + 1))
                .forEach(ids::add);
        history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(HistoricVariableInstance::getId).forEach(ids::add);

        assertThat(ids).hasSizeGreaterThan(5).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-z]{18}"));
    }
}
