package org.mitan.config;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Segregation of duties on every user task: a person completing a task (in Tasklist or over the REST API, where
 * the engine knows who is logged in) must be its assignee when it has one, and belong to one of the task's
 * candidate groups when it has them (its role at the request's body). Holding the task is not enough: a supervisor who may reassign any task must
 * not be able to assign the registrar's decision to themselves and decide. Completions by the engine itself
 * (nobody authenticated: jobs, timers, the application's own calls) pass.
 */
class TaskCompletionGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        String userId = authentication.getUserId();
        if (task.getAssignee() != null && !userId.equals(task.getAssignee())) {
            throw new TaskCompletionRefused("\"" + task.getName() + "\" is assigned to " + task.getAssignee()
                    + "; only they may complete it. If you are to do it instead, ask a supervisor to assign it to"
                    + " you. / यह कार्य किसी और को सौंपा गया है; आपको करना हो तो पर्यवेक्षक से अपने नाम करवाएँ।");
        }
        Set<String> candidateGroups = CandidateGroups.of(task);
        if (candidateGroups.isEmpty()) {
            if (task.getAssignee() == null) {
                throw new TaskCompletionRefused("\"" + task.getName() + "\" is assigned to nobody and offered to no"
                        + " group, so nobody may complete it by hand. Ask a supervisor to assign it to the person"
                        + " who does it. / यह कार्य किसी को सौंपा नहीं गया; पर्यवेक्षक से पूछें।");
            }
            return;
        }
        if (groupsOf(identity, authentication).stream().noneMatch(candidateGroups::contains)) {
            throw new TaskCompletionRefused("Only a member of " + String.join(" or ", candidateGroups)
                    + " may complete \"" + task.getName() + "\", and " + userId + " is not one. Holding the task"
                    + " is not enough; ask a supervisor to assign it to a " + String.join(" or ", candidateGroups)
                    + ". / आप इस कार्य के समूह में नहीं हैं; पर्यवेक्षक से इसे सही व्यक्ति को सौंपने को कहें।");
        }
    }

    /** The groups the login carries; looked up when it carries none (a user id set without its groups). */
    private static List<String> groupsOf(IdentityService identity, Authentication authentication) {
        if (authentication.getGroupIds() != null) {
            return authentication.getGroupIds();
        }
        return Context.getCommandContext().runWithoutAuthorization(() -> identity.createGroupQuery()
                .groupMember(authentication.getUserId()).list().stream().map(Group::getId).toList());
    }
}
