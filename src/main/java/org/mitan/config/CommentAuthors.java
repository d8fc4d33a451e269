package org.mitan.config;

import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.mitan.text.TypedText;

/**
 * Who may add a comment to a task or to a request's process (the engine checks nothing: any logged-in user could
 * write into any request's record): whoever may work the task, as the engine's own task authorization decides (its
 * assignee, a candidate user, a member of a candidate group: {@code TASK_WORK}); and whoever works on the request
 * ({@link RequestRecord}: its Mitan, its officers, the body's supervisors), but not auditors, who read and change
 * nothing, nor analysts or the call centre, who work on no request. The administrator is let through before this.
 * A comment on a task belongs to that task's request, never to another one's process.
 */
class CommentAuthors {

    /** Whether the user, with these groups, works on the request with this number (and may add to its record). */
    @FunctionalInterface
    interface RequestRecord {
        boolean mayAddTo(String userId, Set<String> groups, String requestNumber);
    }

    /** The longest comment, in characters: a remark, not a document. */
    static final int LONGEST = 2000;

    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final RequestRecord requests;

    CommentAuthors(Supplier<ProcessEngineConfigurationImpl> engine, RequestRecord requests) {
        this.engine = engine;
        this.requests = requests;
    }

    /**
     * The refusal of the comment being added on this thread, for {@link CommentRefusalAnswer}: Camunda's REST API
     * answers any failure of a comment with 400 "Not enough parameters submitted", whatever it was.
     */
    static final ThreadLocal<RuntimeException> REFUSED = new ThreadLocal<>();

    /**
     * Refuses the comment: 403 for someone who does not work on the task or its request; 400 for a wrong target, and
     * for a message that is not text a person can read ({@link TypedText}) or longer than {@value #LONGEST}
     * characters.
     */
    void check(String taskId, String processInstanceId, String message, String userId, Set<String> groups) {
        String request = engine.get().getCommandExecutorTxRequired().execute(context -> {
            String toAsk = requestToAsk(context, taskId, processInstanceId);
            if (message != null && message.codePointCount(0, message.length()) > LONGEST) {
                throw refused(new BadUserRequestException("A comment is at most " + LONGEST + " characters; write"
                        + " it shorter."));
            }
            TypedText.refusal(message, false).ifPresent(why -> {
                throw refused(new BadUserRequestException("The comment " + why + "."));
            });
            return toAsk;
        });
        if (request != null && !worksOn(userId, groups, request)) {
            throw refused(new AuthorizationException(userId + " may not add a comment here: comments are added by"
                    + " those who work on the task or its request (its officers, its Mitan, the body's supervisors)"
                    + " and by an administrator. Auditors read the record and change nothing."));
        }
    }

    /**
     * Whether the user works on the request, read as the application reads it: without the user's engine login,
     * whose authorizations would hide the request's history (officers and Mitans do not read it).
     */
    private boolean worksOn(String userId, Set<String> groups, String requestNumber) {
        IdentityService identity = engine.get().getIdentityService();
        Authentication login = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return requests.mayAddTo(userId, groups, requestNumber);
        } finally {
            identity.setAuthentication(login);
        }
    }

    /**
     * Null when the user may work the task; else the request number to ask {@link RequestRecord} about (empty when
     * there is none). Refuses a task or process that is not there, and a task's comment naming another request.
     */
    private String requestToAsk(CommandContext context, String taskId, String processInstanceId) {
        ExecutionEntity named = instance(context, processInstanceId);
        if (processInstanceId != null && named == null) {
            throw refused(new BadUserRequestException("No running request has the process instance id "
                    + processInstanceId + "."));
        }
        ExecutionEntity instance = named;
        if (taskId != null) {
            TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
            if (task == null) {
                throw refused(new BadUserRequestException("No open task has the id " + taskId + ": a comment is"
                        + " added to an open task. Reload the task list."));
            }
            ExecutionEntity own = instance(context, task.getProcessInstanceId());
            if (named != null && (own == null
                    || !named.getRootProcessInstanceId().equals(own.getRootProcessInstanceId()))) {
                throw refused(new BadUserRequestException("A comment on task \"" + task.getName() + "\" belongs to"
                        + " its own request; leave processInstanceId out, or name that request's process."));
            }
            if (mayWork(context, task)) {
                return null;
            }
            instance = own;
        }
        return instance == null || instance.getBusinessKey() == null ? "" : instance.getBusinessKey();
    }

    private static RuntimeException refused(RuntimeException refusal) {
        REFUSED.set(refusal);
        return refusal;
    }

    /** The engine's own decision whether the current user may work the task (claim and complete it). */
    private static boolean mayWork(CommandContext context, TaskEntity task) {
        try {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            return true;
        } catch (AuthorizationException notAllowed) {
            return false;
        }
    }

    /** The running process instance with this id, or null (none, or an execution that is not an instance). */
    private static ExecutionEntity instance(CommandContext context, String instanceId) {
        if (instanceId == null) {
            return null;
        }
        ExecutionEntity instance = context.runWithoutAuthorization(() -> context.getExecutionManager()
                .findExecutionById(instanceId));
        return instance == null || !instance.isProcessInstanceExecution() ? null : instance;
    }
}
