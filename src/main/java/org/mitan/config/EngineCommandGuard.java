package org.mitan.config;

import java.lang.reflect.Field;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.mitan.text.Excerpt;
import org.mitan.web.NulCharacters;
import org.mitan.web.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model is the law, also over the engine's REST API: a logged-in user moves a request only along the paths its
 * model draws. Checked for every engine command a person asks for (Tasklist, Cockpit, {@code /engine-rest}); the
 * engine's own work (jobs, timers, the application's calls, commands nested in others) is not a person's request
 * and passes.
 * <ul>
 * <li>Only {@value Roles#ADMIN} may start a process elsewhere than at its start event, modify, migrate or restart
 * instances, correlate messages, send signals, throw BPMN errors or escalations from tasks, change candidate users
 * or groups, set or remove variables outside a form, delete instances, history, jobs or deployments, change job
 * due dates and retries, add, change or delete attachments, change or delete comments, or delete users. Every
 * such act of an administrator is logged here and in the engine's user operation log.</li>
 * <li>A certificate process is started with no business key (the intake gives the request its number) and only
 * with the fields of its start form.</li>
 * <li>A task is completed only with the fields of its own form, so no one steers a later gateway with a variable
 * that their step does not ask for; with every field the form requires (unless a condition may hide it or the form
 * does not send it) and one of the choices of each radio or select field, so a gateway never meets a missing or
 * unknown outcome.</li>
 * <li>Starts and completions take plain values only (text, numbers, yes or no, dates; a checklist's or tag list's
 * list of its own values), and no text holding U+0000: an object, other JSON, XML, a file or bytes would pass every
 * check a field's text gets.</li>
 * <li>A task is given (assigned, claimed, delegated) only to someone of its role at its request's body
 * ({@link TaskAssignees}); a deactivated Mitan completes none.</li>
 * <li>A comment is added to a task or a request only by those who work on it ({@link CommentAuthors}).</li>
 * <li>A user's name, which certificates print as their approver, is the administrator's to change.</li>
 * </ul>
 */
class EngineCommandGuard extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCommandGuard.class);

    /** Commands reserved to administrators, by class name (the engine's own, and any subclass). */
    static final Set<String> ADMIN_ONLY = Set.of(
            "StartProcessInstanceAtActivitiesCmd", "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
            "ProcessInstanceModificationBatchCmd", "ProcessInstanceModificationCmd",
            "ActivityInstanceCancellationCmd", "ActivityCancellationCmd", "TransitionInstanceCancellationCmd",
            "ActivityBeforeInstantiationCmd", "ActivityAfterInstantiationCmd", "TransitionInstantiationCmd",
            "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd", "RestartProcessInstancesCmd",
            "RestartProcessInstancesBatchCmd", "SetProcessDefinitionVersionCmd",
            "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateAllMessageBatchCmd",
            "MessageEventReceivedCmd", "SignalEventReceivedCmd", "SignalCmd", "EvaluateStartConditionCmd",
            "HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd",
            "AddGroupIdentityLinkCmd", "AddUserIdentityLinkCmd", "DeleteGroupIdentityLinkCmd",
            "DeleteUserIdentityLinkCmd", "AddIdentityLinkForProcessDefinitionCmd",
            "DeleteIdentityLinkForProcessDefinitionCmd", "SetTaskOwnerCmd", "SaveTaskCmd", "CreateTaskCmd",
            "DeleteTaskCmd",
            "SetExecutionVariablesCmd", "RemoveExecutionVariablesCmd", "PatchExecutionVariablesCmd",
            "SetTaskVariablesCmd", "RemoveTaskVariablesCmd", "PatchTaskVariablesCmd",
            "SetVariablesToProcessInstancesBatchCmd",
            "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd", "DeleteProcessInstanceBatchCmd",
            "DeleteHistoricProcessInstancesCmd", "DeleteHistoricProcessInstancesBatchCmd",
            "DeleteHistoricTaskInstanceCmd", "DeleteHistoricVariableInstanceCmd",
            "DeleteHistoricVariableInstancesByProcessInstanceIdCmd", "DeleteUserOperationLogEntryCmd",
            "DeleteHistoricDecisionInstanceByDefinitionIdCmd", "DeleteHistoricDecisionInstanceByInstanceIdCmd",
            "DeleteHistoricDecisionInstancesBatchCmd", "DeleteHistoricDecisionInstancesBulkCmd",
            "SetRemovalTimeToHistoricProcessInstancesCmd", "SetRemovalTimeToHistoricDecisionInstancesCmd",
            "SetRemovalTimeToHistoricBatchesCmd", "UpdateProcessDefinitionHistoryTimeToLiveCmd",
            "UpdateDecisionDefinitionHistoryTimeToLiveCmd",
            "DeleteDeploymentCmd", "DeleteProcessDefinitionsByIdsCmd", "DeleteProcessDefinitionsByKeyCmd",
            "DeleteJobCmd", "DeleteJobsCmd", "ExecuteJobsCmd", "SetJobDuedateCmd", "RecalculateJobDuedateCmd",
            "SetJobRetriesCmd", "SetJobsRetriesBatchCmd", "CreateIncidentCmd", "ResolveIncidentCmd",
            // The engine checks no permission on attachments: any user could attach a file (or a link) of any size to
            // any task or instance, past the scan checks, or delete one. The request's papers are its scans.
            "CreateAttachmentCmd", "SaveAttachmentCmd", "DeleteAttachmentCmd",
            // What was said on a task or request stays as it was said, for the auditors.
            "UpdateCommentCmd", "DeleteTaskCommentCmd", "DeleteProcessInstanceCommentCmd",
            // Camunda gives every user all permissions on their own user: they could remove their own login.
            "DeleteUserCmd");

    /** Set while a check runs: the engine calls it makes (looking up groups and forms) are the guard's own. */
    private static final ThreadLocal<Boolean> CHECKING = ThreadLocal.withInitial(() -> false);

    /** The value types a form's fields give. */
    private static final Set<ValueType> PLAIN_TYPES = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.SHORT,
            ValueType.INTEGER, ValueType.LONG, ValueType.DOUBLE, ValueType.DATE, ValueType.NULL);

    private final Supplier<IdentityService> identity;
    private final Function<Authentication, Set<String>> groupsOf;
    private final FormFields forms;
    private final TaskAssignees assignees;
    private final Predicate<String> deactivatedMitan;
    private final CommentAuthors commentAuthors;

    EngineCommandGuard(Supplier<IdentityService> identity, Function<Authentication, Set<String>> groupsOf,
            FormFields forms, TaskAssignees assignees, Predicate<String> deactivatedMitan,
            CommentAuthors commentAuthors) {
        this.identity = identity;
        this.groupsOf = groupsOf;
        this.forms = forms;
        this.assignees = assignees;
        this.deactivatedMitan = deactivatedMitan;
        this.commentAuthors = commentAuthors;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null && !CHECKING.get()) {
            Authentication authentication = identity.get().getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null) {
                CHECKING.set(true);
                try {
                    check(command, authentication);
                } finally {
                    CHECKING.set(false);
                }
                return personsCall(command);
            }
        }
        return next.execute(command);
    }

    /**
     * A person's call, with the engine's failures that are the person's situation, not a fault, said as such: the
     * REST API and Tasklist answer them with 500 otherwise. Data changed by someone else at the same moment (two
     * officers completing one task, a task claimed while it is completed) rolled back; a task that is gone (claimed,
     * delegated or assigned after it was completed) was not found. A completion is refused as a form is (400), any
     * other call as a bad request (400); either way nothing changed.
     */
    private <T> T personsCall(Command<T> command) {
        try {
            return next.execute(command);
        } catch (OptimisticLockingException clash) {
            LOG.info("Refused, changed by someone else at the same moment: {}", clash.getMessage());
            String words = "Someone else changed this request at the same moment (perhaps completing the same task);"
                    + " nothing was changed. Reload the task list and check before trying again. (किसी और ने इसी समय"
                    + " बदलाव किया; कार्य सूची फिर से खोलें।)";
            throw completion(command) ? new TaskCompletionRefused(words) : new BadUserRequestException(words, clash);
        } catch (NullValueException gone) {
            throw completion(command) ? new TaskCompletionRefused(gone.getMessage())
                    : new BadUserRequestException(gone.getMessage(), gone);
        } catch (ProcessEngineException failed) {
            FormFieldValidationException refused = refusalIn(failed);
            if (refused != null && command instanceof StartProcessInstanceCmd) {
                // the registration's own refusal of a value (a ward the body does not have, a missing name): the
                // REST API's start answers every engine exception with 500, a RestException with its status
                throw new RestException(Response.Status.BAD_REQUEST, refused.getMessage());
            }
            throw failed;
        }
    }

    /** The refusal of a form's value among the causes of an engine exception, or null. */
    private static FormFieldValidationException refusalIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FormFieldValidationException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean completion(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    private void check(Command<?> command, Authentication authentication) {
        String name = adminOnlyName(command.getClass());
        Set<String> groups = groupsOf.apply(authentication);
        boolean admin = groups.contains(Roles.ADMIN);
        if (admin) {
            if (name != null) {
                LOG.info("Administrator {} ran {}{}", authentication.getUserId(), name, reasonOf(command));
            }
            return;
        }
        if (name != null) {
            throw new AuthorizationException(authentication.getUserId() + " may not do this (" + name + "): it"
                    + " could move a request past a step its model draws. Only an administrator (group "
                    + Roles.ADMIN + ") may, and it is recorded.");
        }
        if (command instanceof StartProcessInstanceCmd start) {
            ProcessInstantiationBuilderImpl builder = field(StartProcessInstanceCmd.class, "instantiationBuilder",
                    start);
            checkStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getBusinessKey(),
                    builder.getVariables(), false);
        } else if (command instanceof SubmitStartFormCmd submit) {
            checkStart(field(SubmitStartFormCmd.class, "processDefinitionId", submit), null,
                    field(SubmitStartFormCmd.class, "businessKey", submit),
                    field(SubmitStartFormCmd.class, "variables", submit), true);
        } else if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                && groups.stream().anyMatch(group -> group.startsWith(Roles.MITAN + "-"))
                && deactivatedMitan.test(authentication.getUserId())) {
            throw new TaskCompletionRefused(authentication.getUserId() + " is no longer an active Mitan, so their"
                    + " tasks wait for a supervisor to give them to another Mitan of the body. / आप अब सक्रिय मितान"
                    + " नहीं हैं; आपके कार्य पर्यवेक्षक दूसरे मितान को देंगे।");
        } else if (command instanceof CompleteTaskCmd complete) {
            checkCompletion(field(CompleteTaskCmd.class, "taskId", complete),
                    field(CompleteTaskCmd.class, "variables", complete));
        } else if (command instanceof SubmitTaskFormCmd submit) {
            checkCompletion(field(SubmitTaskFormCmd.class, "taskId", submit),
                    field(SubmitTaskFormCmd.class, "properties", submit));
        } else if (command instanceof AssignTaskCmd assign) {
            assignees.check(field(AbstractSetTaskPropertyCmd.class, "taskId", assign),
                    field(AbstractAddIdentityLinkCmd.class, "userId", assign));
        } else if (command instanceof ClaimTaskCmd claim) {
            assignees.check(field(ClaimTaskCmd.class, "taskId", claim), field(ClaimTaskCmd.class, "userId", claim));
        } else if (command instanceof DelegateTaskCmd delegate) {
            assignees.check(field(DelegateTaskCmd.class, "taskId", delegate),
                    field(DelegateTaskCmd.class, "userId", delegate));
        } else if (command instanceof SaveUserCmd save) {
            checkName(field(SaveUserCmd.class, "user", save));
        } else if (command instanceof AddCommentCmd comment) {
            commentAuthors.check(field(AddCommentCmd.class, "taskId", comment),
                    field(AddCommentCmd.class, "processInstanceId", comment),
                    field(AddCommentCmd.class, "message", comment), authentication.getUserId(), groups);
        }
    }

    /**
     * A user's name is the administrator's to change: it is what a certificate prints as its approver
     * ({@code Approvers}), and Camunda lets every user change their own profile. Their password they change
     * themselves; a new user is the engine's to refuse (no one but the administrator creates users).
     */
    private void checkName(User user) {
        if (user == null || user.getId() == null) {
            return;
        }
        User stored = identity.get().createUserQuery().userId(user.getId()).singleResult();
        if (stored != null && (!Objects.equals(stored.getFirstName(), user.getFirstName())
                || !Objects.equals(stored.getLastName(), user.getLastName()))) {
            throw new AuthorizationException("A user's name is what certificates print as the officer who approved"
                    + " them, so only an administrator (group " + Roles.ADMIN + ") changes it, in Camunda Admin.");
        }
    }

    /**
     * A start through the start form ({@code submit-form}) is refused a bad value as a form's field is (400, which the
     * REST API lets through for a form); a start without the form ({@code start}) as a step outside the model (403).
     */
    private void checkStart(String definitionId, String definitionKey, String businessKey,
            Map<String, Object> variables, boolean throughForm) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw new AuthorizationException("Leave the business key empty: the application gives every request"
                    + " its number when it registers it.");
        }
        Set<String> fields;
        try {
            fields = forms.startFormFields(definitionId, definitionKey);
        } catch (NotFoundException | NullValueException none) {
            // Camunda's REST API answers the engine's own refusal with 500; a RestException keeps its status through
            // both the start and the start form's calls
            throw new RestException(Response.Status.NOT_FOUND, "No process definition has the "
                    + (definitionId != null ? "id " + definitionId : "key " + definitionKey) + ": it was never"
                    + " deployed or has been deleted. Reload the list of processes and start again.");
        }
        String others = others(variables, fields, "the start form");
        if (others != null) {
            throw new AuthorizationException(others);
        }
        String notPlain = notPlain(variables, Map.of());
        if (notPlain != null) {
            throw throughForm ? new StartFormRefused(notPlain) : new AuthorizationException(notPlain);
        }
    }

    private void checkCompletion(String taskId, Map<String, Object> variables) {
        // no task: the engine's own answer is a 500 ("Cannot find task"); this is the second click on "Complete",
        // or the retry of a completion whose answer was lost, or a task someone else completed a moment before
        FormFields.Form form = forms.taskForm(taskId).orElseThrow(() -> new TaskCompletionRefused("This task is no"
                + " longer open: it was completed (perhaps by someone else a moment ago, or by an earlier click) or its"
                + " request has moved on. Reload the task list; nothing was changed. (यह कार्य अब खुला नहीं है: कार्य"
                + " सूची फिर से खोलें।)"));
        String missing = missing(variables, form);
        if (missing != null) {
            throw new TaskCompletionRefused(missing);
        }
        if (variables == null || variables.isEmpty()) {
            return;
        }
        String others = others(variables, form.keys(), "this task's form");
        if (others != null) {
            throw new TaskCompletionRefused(others);
        }
        String notPlain = notPlain(variables, form.lists());
        if (notPlain != null) {
            throw new TaskCompletionRefused(notPlain);
        }
        String unknown = notAChoice(variables, form);
        if (unknown != null) {
            throw new TaskCompletionRefused(unknown);
        }
        String badList = notTheListsValues(variables, form);
        if (badList != null) {
            throw new TaskCompletionRefused(badList);
        }
        String beyond = beyondLimits(variables, form);
        if (beyond != null) {
            throw new TaskCompletionRefused(beyond);
        }
    }

    /**
     * Why a value outside its field's limits ({@link FormFields.Limits}: a number's range, a text's length) is
     * refused, or null. Tasklist keeps to them before sending; a completion through the REST API did not, and took
     * remarks longer than the engine's text column (a 500 as the engine wrote them) or a count the form forbids.
     */
    private static String beyondLimits(Map<String, Object> variables, FormFields.Form form) {
        for (Map.Entry<String, FormFields.Limits> field : form.limits().entrySet()) {
            Object value = variables.containsKey(field.getKey()) ? plainValue(variables, field.getKey()) : null;
            String broken = field.getValue().broken(value).orElse(null);
            if (broken != null) {
                return field.getKey() + " " + broken + ". / " + field.getKey() + " फ़ॉर्म की सीमा में लिखें।";
            }
        }
        return null;
    }

    /**
     * Why a completion without a field the form requires is refused, or null: the gateway after the task would
     * find no value (or an earlier visit's) to go on with. Fields a condition may hide, or the form does not send,
     * are not required ({@link FormFields.Form#required}), except those shown once another field holds a value
     * ({@link FormFields.ShownWhen}) when it holds it: a return needs its remarks and the documents returned.
     */
    private static String missing(Map<String, Object> variables, FormFields.Form form) {
        Set<String> missing = new TreeSet<>();
        for (String field : form.required()) {
            if (empty(variables, field)) {
                missing.add(field);
            }
        }
        form.requiredWhen().forEach((field, shown) -> {
            Object other = variables == null || !variables.containsKey(shown.field()) ? null
                    : plainValue(variables, shown.field());
            if (other != null && shown.value().equals(String.valueOf(other)) && empty(variables, field)) {
                missing.add(field);
            }
        });
        return missing.isEmpty() ? null : "This task's form needs " + String.join(", ", missing) + "; fill "
                + (missing.size() == 1 ? "it" : "them") + " in and complete the task again. / फ़ॉर्म में "
                + String.join(", ", missing) + " भरना ज़रूरी है; भरकर कार्य फिर से पूरा करें।";
    }

    /** Whether the field is not sent, or sent blank or as an empty list. */
    private static boolean empty(Map<String, Object> variables, String field) {
        Object value = variables == null ? null : plainValue(variables, field);
        return value == null || (value instanceof String text && text.isBlank())
                || FormFields.ListField.textsOf(value).filter(List::isEmpty).isPresent();
    }

    /** Why a value that is none of its field's choices is refused, or null. */
    private static String notAChoice(Map<String, Object> variables, FormFields.Form form) {
        for (Map.Entry<String, Set<String>> field : form.choices().entrySet()) {
            Object value = variables.containsKey(field.getKey()) ? plainValue(variables, field.getKey()) : null;
            if (value != null && !field.getValue().contains(String.valueOf(value))) {
                return field.getKey() + " must be one of " + String.join(", ", field.getValue()) + "; "
                        + Excerpt.quoted(String.valueOf(value)) + " is not. / " + field.getKey()
                        + " में दिए गए विकल्पों में से एक चुनें।";
            }
        }
        return null;
    }

    /** Why a checklist's or tag list's values are refused (not the form's, twice, too many), or null. */
    private static String notTheListsValues(Map<String, Object> variables, FormFields.Form form) {
        for (Map.Entry<String, FormFields.ListField> field : form.lists().entrySet()) {
            Object value = variables.containsKey(field.getKey()) ? plainValue(variables, field.getKey()) : null;
            List<String> texts = FormFields.ListField.textsOf(value).orElse(null);
            if (value != null && texts == null) {
                return field.getKey() + " is a list: send the values ticked or picked as a JSON list of text, as"
                        + " Tasklist does (type Json, e.g. [\"first\", \"second\"]).";
            }
            String broken = field.getValue().broken(texts == null ? List.of() : texts).orElse(null);
            if (broken != null) {
                return field.getKey() + " " + broken + ". / " + field.getKey() + " में फ़ॉर्म के विकल्प ही चुनें,"
                        + " हर एक एक बार।";
            }
        }
        return null;
    }

    /** The plain value as sent; an object stays typed, not deserialized (which {@link #notPlain} refuses anyway). */
    private static Object plainValue(Map<String, Object> variables, String name) {
        Object value = sent(variables, name);
        return value instanceof TypedValue typed ? (plain(typed) ? typed.getValue() : typed) : value;
    }

    /** The value as sent: a map of typed values gives each typed, since its plain view would deserialize an object. */
    private static Object sent(Map<String, Object> variables, String name) {
        return variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
    }

    /**
     * Why values that no form field gives are refused, or null when there are none: text holding U+0000, which
     * PostgreSQL cannot keep; and any value but text, numbers, yes/no and dates, which is all a form sends, or a JSON
     * list of text for a checklist or tag list. An object (which the engine would turn into an instance of whatever
     * class the sender names), other JSON, XML, a file or bytes would pass every check a field's text gets.
     */
    private static String notPlain(Map<String, Object> variables, Map<String, FormFields.ListField> lists) {
        if (variables == null) {
            return null;
        }
        Set<String> named = new TreeSet<>();
        for (String name : variables.keySet()) {
            Object value = sent(variables, name);
            List<String> texts = lists.containsKey(name) ? FormFields.ListField.textsOf(value).orElse(null) : null;
            if (!plain(value) && texts == null) {
                named.add(name);
            } else if (NulCharacters.in(texts != null ? String.join("", texts)
                    : String.valueOf(value instanceof TypedValue text ? text.getValue() : value))) {
                return name + " " + NulCharacters.REFUSAL + ".";
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        return "A form's fields hold text, numbers, yes or no and dates (a checklist or tag list: a list of text); "
                + String.join(", ", named) + (named.size() == 1 ? " was" : " were") + " sent as another kind of"
                + " value (an object, other JSON, XML, a file or bytes). Send the value as its field gives it.";
    }

    private static boolean plain(Object value) {
        if (value instanceof TypedValue typed) {
            return typed.getType() == null ? plain(typed.getValue()) : PLAIN_TYPES.contains(typed.getType());
        }
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Date;
    }

    /** Why variables outside the fields are refused, or null when there are none. */
    private static String others(Map<String, Object> variables, Set<String> fields, String where) {
        if (variables == null) {
            return null;
        }
        Set<String> others = new TreeSet<>(variables.keySet());
        others.removeAll(fields);
        if (others.isEmpty()) {
            return null;
        }
        return "Only the fields of " + where + " may be sent; " + String.join(", ", others)
                + (others.size() == 1 ? " is" : " are") + " not among them (" + String.join(", ",
                        new TreeSet<>(fields)) + ").";
    }

    /** The reason an administrator gave, where the command carries one (a modification's annotation). */
    private static String reasonOf(Command<?> command) {
        if (command instanceof ModifyProcessInstanceCmd modification) {
            ProcessInstanceModificationBuilderImpl builder = field(ModifyProcessInstanceCmd.class, "builder",
                    modification);
            String annotation = builder.getAnnotation();
            return annotation == null || annotation.isBlank() ? ", giving no reason" : ", because: " + annotation;
        }
        return "";
    }

    private static String adminOnlyName(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (ADMIN_ONLY.contains(c.getSimpleName())) {
                return c.getSimpleName();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <V> V field(Class<?> type, String name, Object command) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return (V) field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
                    + " any more: the engine command guard must be adapted to this engine version", e);
        }
    }
}
