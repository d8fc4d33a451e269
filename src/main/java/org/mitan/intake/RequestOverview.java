package org.mitan.intake;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.springframework.stereotype.Service;

import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.process.EngineCalls;

/**
 * Where a request stands, for the call centre answering a citizen: its status, the open tasks of its process
 * and of the visits and deliveries it called (they share the request number as business key), and its dated
 * milestones.
 */
@Service
class RequestOverview {

    private final Requests requests;
    private final Catalogue types;
    private final TaskService tasks;
    private final IdentityService identity;

    RequestOverview(Requests requests, Catalogue types, TaskService tasks, IdentityService identity) {
        this.requests = requests;
        this.types = types;
        this.tasks = tasks;
        this.identity = identity;
    }

    View describe(ServiceRequest request) {
        String serviceName = types.type(request.getCertificateType()).map(CertificateType::serviceName)
                .orElse(request.getCertificateType());
        List<Step> steps = EngineCalls.withoutAuthentication(identity, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(request.getRequestNumber())
                .orderByTaskCreateTime().asc()
                .list().stream()
                .map(this::step)
                .toList());
        List<Milestone> milestones = requests.milestonesOf(request).stream()
                .map(m -> new Milestone(m.getMilestone(), m.getOccurredAt(), m.getActor(), m.getDetail()))
                .toList();
        return new View(request.getRequestNumber(), request.getCertificateType(), serviceName, request.getBodyCode(),
                request.getWard(), request.getStatus(), request.getCreatedAt(), request.getClosedAt(), steps,
                milestones, registration(request));
    }

    /** Late registration as worked out from the particulars; null for a type without it or before the particulars. */
    private static Registration registration(ServiceRequest request) {
        if (request.getRegistrationPath() == null) {
            return null;
        }
        return new Registration(request.getRegistrationDelayDays(), request.getRegistrationPath(),
                request.getPathDocuments(), request.getLateFeeRupees());
    }

    private Step step(Task task) {
        List<String> candidateGroups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
        return new Step(task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
                task.getTaskDefinitionKey(), task.getAssignee(), candidateGroups,
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }

    record View(String requestNumber, String certificateType, String serviceName, String bodyCode, int ward,
            RequestStatus status, Instant createdAt, Instant closedAt, List<Step> currentSteps,
            List<Milestone> milestones, Registration registration) {
    }

    /** Days from the event to the call, the path the type's decision chose, its documents, its late fee (Rs). */
    record Registration(Integer delayDays, String path, List<String> pathDocuments, Integer lateFeeRupees) {
    }

    record Step(String name, String taskDefinitionKey, String assignee, List<String> candidateGroups, Instant due) {
    }

    record Milestone(String milestone, Instant at, String actor, String detail) {
    }
}
