package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.TypeTables;

/** Clock and look-ups shared by the process tests. */
final class ProcessTestSupport {

    /** The engine clock in every process test, so that due dates and timers can be compared exactly. */
    static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");

    private ProcessTestSupport() {
    }

    static Date inDays(int days) {
        return Date.from(NOW.plus(Duration.ofDays(days)));
    }

    static Object historicVariable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }

    /** The task's formRef resolves to the form of that id deployed with the model, as Tasklist will load it. */
    static void assertDeployedForm(Task task, String formId) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"id\": \"" + formId + "\""), () -> "task " + task.getTaskDefinitionKey()
                    + " should show form " + formId + " but got " + json.substring(0, Math.min(80, json.length())));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The name Tasklist's "Start process" list shows the call-centre agent: the service's name in English, then in
     * Hindi in brackets, as the type's service table gives them.
     */
    static String nameInTasklist(CertificateType type) {
        return type.serviceName() + " (" + type.names().hi() + ")";
    }

    /** A type's tables as read from its DMN file, as deployed with the model. */
    static CertificateType typeTables(Path file, String key) {
        try (InputStream tables = Files.newInputStream(file)) {
            return TypeTables.read(Dmn.readModelFromStream(tables), key);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
