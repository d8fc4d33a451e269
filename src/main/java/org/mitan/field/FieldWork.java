package org.mitan.field;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.Names;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.process.EngineCalls;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.web.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Mitan's day for the field page: the open tasks assigned to the logged-in user, read from the engine as that user
 * (the engine's authorizations decide, as in Tasklist), each with the request it belongs to (its business key) and
 * what the Mitan needs at the door: the citizen's name, phone, address and ward, and the visit window. Ordered by
 * visit window, then due date; a task past its due date is marked overdue.
 */
@Service
class FieldWork {

    static final String VISIT = "Task_VisitCitizen";
    static final String PARTICULARS = "Task_RecordParticulars";
    static final String DELIVERY = "Task_DeliverCertificate";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ServiceRequestRepository requests;
    private final UrbanBodyRepository bodies;
    private final Catalogue catalogue;
    private final Clock clock;

    FieldWork(TaskService tasks, RuntimeService runtime, IdentityService identity, ServiceRequestRepository requests,
            UrbanBodyRepository bodies, Catalogue catalogue, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.requests = requests;
        this.bodies = bodies;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** What the page shows: who is logged in and their open work. */
    record Today(String userId, String userName, Instant now, List<WorkItem> work) {
    }

    /**
     * One task at a request.
     *
     * @param kind {@code visit}, {@code particulars}, {@code delivery}, or {@code task} for any other form
     */
    record WorkItem(String taskId, String taskKey, String kind, String taskName, Instant due, boolean overdue,
            String requestNumber, String certificateType, Names serviceName, String status, String citizenName,
            String citizenPhone, String address, int ward, String bodyCode, Names bodyName, VisitWindow visitWindow) {
    }

    @Transactional(readOnly = true)
    Today today(Caller caller) {
        List<Task> mine = EngineCalls.asUser(identity, caller.userId(), List.copyOf(caller.groups()),
                () -> tasks.createTaskQuery().taskAssignee(caller.userId()).active().list());
        Map<String, String> businessKeys = businessKeys(mine);
        Instant now = clock.instant();
        List<WorkItem> work = mine.stream()
                .map(task -> item(task, businessKeys.get(task.getProcessInstanceId()), now))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing((WorkItem item) -> item.visitWindow().ordinal())
                        .thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(WorkItem::requestNumber))
                .toList();
        return new Today(caller.userId(), displayName(caller.userId()), now, work);
    }

    /** The request number of each task's process instance (the shared steps carry it too), read as the application. */
    private Map<String, String> businessKeys(List<Task> mine) {
        if (mine.isEmpty()) {
            return Map.of();
        }
        String[] ids = mine.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        return EngineCalls.withoutAuthentication(identity, () -> runtime.createProcessInstanceQuery()
                .processInstanceIds(Set.of(ids)).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey)));
    }

    private Optional<WorkItem> item(Task task, String requestNumber, Instant now) {
        if (requestNumber == null) {
            return Optional.empty();
        }
        return requests.findByRequestNumber(requestNumber).map(request -> {
            Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
            return new WorkItem(task.getId(), task.getTaskDefinitionKey(), kind(task.getTaskDefinitionKey()),
                    task.getName(), due, due != null && due.isBefore(now), requestNumber,
                    request.getCertificateType(), serviceName(request), request.getStatus().name(),
                    request.getCitizenName(), request.getCitizenPhone(), request.getAddress(), request.getWard(),
                    request.getBodyCode(), bodyName(request), request.getPreferredVisitWindow());
        });
    }

    static String kind(String taskKey) {
        return switch (taskKey) {
            case VISIT -> "visit";
            case PARTICULARS -> "particulars";
            case DELIVERY -> "delivery";
            default -> "task";
        };
    }

    private Names serviceName(ServiceRequest request) {
        String key = request.getCertificateType();
        return catalogue.type(key).map(type -> type.names())
                .orElse(new Names(key.replace('-', ' '), key.replace('-', ' ')));
    }

    private Names bodyName(ServiceRequest request) {
        return bodies.findById(request.getBodyCode()).map(body -> new Names(body.getNameEn(), body.getNameHi()))
                .orElse(new Names(request.getBodyCode(), request.getBodyCode()));
    }

    private String displayName(String userId) {
        User user = EngineCalls.withoutAuthentication(identity,
                () -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
