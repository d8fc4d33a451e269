package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Names;

/** The test-only type's three files, as an analyst leaves them: complete, its own, and calling what is shared. */
class TenthTypeTest {

    @Test
    void theTablesNameTheTypeInBothLanguagesWithItsHolderAndTimeLimit() {
        CertificateType type = TenthType.tables();

        assertThat(type.names()).isEqualTo(new Names("Test permit", "परीक्षण परमिट"));
        assertThat(type.holderParticular()).isEqualTo("holderName");
        assertThat(type.legalDueDays()).isEqualTo(15);
    }

    @Test
    void everyUserTaskTheRequestMeetsHasARowAndEveryOfficersTaskARole() {
        CertificateType type = TenthType.tables();
        BpmnModelInstance model = model();
        List<UserTask> tasks = new java.util.ArrayList<>(model.getModelElementsByType(UserTask.class));
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            tasks.addAll(Bpmn.readModelFromFile(Path.of("processes", call.getCalledElement() + ".bpmn").toFile())
                    .getModelElementsByType(UserTask.class));
        }

        assertThat(tasks).isNotEmpty().allSatisfy(task -> {
            assertThat(type.step(task.getId())).as(task.getId()).isPresent();
            if (task.getCamundaCandidateGroups() != null) {
                assertThat(type.step(task.getId()).orElseThrow().hasRole()).as(task.getId()).isTrue();
            }
        });
    }

    @Test
    void theModelIsTheTypesOwnAndCallsTheSharedStepsByTheirVersionTag() {
        BpmnModelInstance model = model();

        assertThat(model.getModelElementsByType(Process.class)).singleElement()
                .extracting(Process::getId).isEqualTo(TenthType.KEY);
        assertThat(model.getModelElementsByType(CallActivity.class)).isNotEmpty().allSatisfy(call -> {
            assertThat(call.getCamundaCalledElementBinding()).isEqualTo("versionTag");
            assertThat(Bpmn.readModelFromFile(Path.of("processes", call.getCalledElement() + ".bpmn").toFile())
                    .getModelElementsByType(Process.class)).singleElement().extracting(Process::getCamundaVersionTag)
                    .isEqualTo(call.getCamundaCalledElementVersionTag());
        });
        assertThat(model.getModelElementsByType(UserTask.class))
                .filteredOn(task -> "Task_RecordParticulars".equals(task.getId())).singleElement()
                .satisfies(task -> assertThat(task.getCamundaFormRef()).isEqualTo(TenthType.KEY + "-particulars"));
    }

    @Test
    void theChangedModelDiffersOnlyInTheRenamedStep() {
        String before = new String(TenthType.deploymentResources().get(TenthType.MODEL));
        String after = new String(TenthType.changedModel());

        assertThat(after).isNotEqualTo(before).contains("Record the permit holder's particulars");
        assertThat(after.replace("Record the permit holder's particulars", "Record the permit particulars"))
                .isEqualTo(before);
    }

    private static BpmnModelInstance model() {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(TenthType.deploymentResources().get(TenthType.MODEL)));
    }
}
