package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * What the job executor does once the call centre's registration is answered: every type's process goes on from
 * its save point after {@code Task_RegisterRequest} (the Mitan's assignment, the SMS, the visit). The job executor
 * is off in tests, so a test that registers runs that one job itself.
 */
public final class AfterRegistration {

    public static final String SAVE_POINT = "Task_RegisterRequest";

    private AfterRegistration() {
    }

    /** Runs the registration's save point job of the request, which must be waiting there. */
    public static void carryOn(RuntimeService runtime, ManagementService management, String requestNumber) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).list()
                .stream().flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .activityId(SAVE_POINT).list().stream())
                .toList();
        assertThat(jobs).as("the save point after registering %s", requestNumber).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }
}
