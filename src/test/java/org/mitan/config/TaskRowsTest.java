package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TaskRowsTest {

    private static final String NUMBER = "RPR-2026-000042";

    private final ServiceRequestRepository repository = mock(ServiceRequestRepository.class);
    private final DelegateTask task = mock(DelegateTask.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final ServiceRequest request = new ServiceRequest(NUMBER, "caste-certificate", "RPR", 12, "Asha Verma",
            "9876543210", "House 4, Gandhi Nagar", VisitWindow.MORNING, "hi", "feedback-secret-1",
            Instant.parse("2026-05-04T09:00:00Z"));
    private TaskRows rows;

    @BeforeEach
    void setUp() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("serviceRequestRepository", repository);
        rows = new TaskRows(beans.getBeanProvider(ServiceRequestRepository.class));
        when(task.getExecution()).thenReturn(execution);
        when(repository.findByRequestNumber(NUMBER)).thenReturn(Optional.of(request));
    }

    @Test
    void anOfficersTaskNamesItsRequestWithTheCitizenMasked() {
        when(execution.getProcessBusinessKey()).thenReturn(NUMBER);

        rows.notify(task);

        verify(task).setVariableLocal(ProcessVariables.TASK_REQUEST, NUMBER);
        verify(task).setVariableLocal(ProcessVariables.TASK_CITIZEN, "A*** V****");
        verify(task).setVariableLocal(ProcessVariables.TASK_WARD, 12);
        verify(task).setVariableLocal(ProcessVariables.TASK_TYPE, "caste certificate");
        verify(task).setDescription("RPR-2026-000042 · A*** V**** · ward (वार्ड) 12 · caste certificate");
        verify(task, never()).setVariableLocal(eq(ProcessVariables.WHOM_TO_VISIT), any());
    }

    @Test
    void theMitansTaskSaysWhomToVisit() {
        when(execution.getProcessBusinessKey()).thenReturn(NUMBER);
        when(task.getAssignee()).thenReturn("mitan.raipur");

        rows.notify(task);

        verify(task).setVariableLocal(ProcessVariables.WHOM_TO_VISIT, """
                **Whom to visit (किसके घर जाना है):** Asha Verma \s
                **Address (पता):** House 4, Gandhi Nagar, ward (वार्ड) 12 \s
                **Phone (फ़ोन):** 9876543210 \s
                **Request (अनुरोध):** RPR-2026-000042""");
    }

    @Test
    void whatPeopleTypedCannotBecomeALinkInTheMitansForm() {
        ServiceRequest odd = new ServiceRequest(NUMBER, "caste-certificate", "RPR", 12, "[Asha](https://evil.example)",
                "9876543210", "![x](https://evil.example/x.png)", VisitWindow.MORNING, "hi", "feedback-secret-1",
                Instant.parse("2026-05-04T09:00:00Z"));

        assertThat(TaskRows.whomToVisit(odd)).contains("\\[Asha\\](https\\://evil\\.example)")
                .contains("\\!\\[x\\](https\\://evil\\.example/x\\.png)")
                .doesNotContain("[Asha](").doesNotContain("![x](");
    }

    @Test
    void aClaimedTaskOfferedToAGroupIsNotTheMitans() {
        when(execution.getProcessBusinessKey()).thenReturn(NUMBER);
        when(task.getAssignee()).thenReturn("clerk.raipur");
        IdentityLink offered = mock(IdentityLink.class);
        when(offered.getType()).thenReturn(IdentityLinkType.CANDIDATE);
        when(offered.getGroupId()).thenReturn("clerk-RPR");
        when(task.getCandidates()).thenReturn(Set.of(offered));

        rows.notify(task);

        verify(task, never()).setVariableLocal(eq(ProcessVariables.WHOM_TO_VISIT), any());
    }

    @Test
    void aProcessOnNoRequestGetsNothing() {
        when(execution.getProcessBusinessKey()).thenReturn("not-a-request");

        rows.notify(task);

        verify(task, never()).setVariableLocal(anyString(), any());
        verify(task, never()).setDescription(anyString());
        assertThat(TaskRows.typeInWords("death-certificate")).isEqualTo("death certificate");
    }
}
