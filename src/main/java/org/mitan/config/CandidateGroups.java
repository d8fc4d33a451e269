package org.mitan.config;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The groups a task is offered to: its role at its request's body, as the model and the type's row made it. */
final class CandidateGroups {

    private CandidateGroups() {
    }

    static Set<String> of(DelegateTask task) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }
}
