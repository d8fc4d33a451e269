package org.mitan.config;

import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Names;
import org.mitan.catalogue.Step;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.text.Markdown;
import org.mitan.text.MaskedNames;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Names the request on every user task of every type as it is created, so that a Tasklist row reads
 * "RPR-2026-000042 · A*** V**** · ward 12 · birth certificate" instead of only "Visit the citizen". Added to every
 * user task by the engine plugin's parse listener ({@link ProcessGuards}), so a type made from data alone gets it
 * without its analyst adding anything.
 * <ul>
 * <li>task-local variables {@code taskRequest}, {@code taskCitizen} (masked), {@code taskWard}, {@code taskType}:
 * the columns the Tasklist filters show ({@link TasklistFilters});</li>
 * <li>the task description, the same line with the type named in English and Hindi from its service table ("Caste
 * certificate (जाति प्रमाण पत्र)"; the key in words for a type whose tables are not deployed), kept in the task's
 * history;</li>
 * <li>the task's name in English and Hindi, "Visit the citizen (नागरिक के घर जाएं)": the name drawn in the model with
 * the Hindi name of the task's row in the type's steps table ({@code labelHi}), so officers who read Hindi first
 * find their work in Tasklist's list and the task's header; a name already holding Devanagari, or a task the table
 * has no Hindi name for, keeps the name as drawn;</li>
 * <li>on the Mitan's own tasks (given to one person as they are made, offered to no group: the visit, the
 * particulars, the delivery), {@code whomToVisit}: the citizen's full name, address, phone, ward and the request number, which the
 * Mitan's forms show; personal, so kept out of the engine's history ({@link PersonalDataHistoryFilter}).</li>
 * </ul>
 * The request is the process instance's business key and its facts come from the request row, never from a
 * variable a form could have changed. A process that works on no request gets nothing.
 */
class TaskRows implements TaskListener {

    private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");

    /** The longest task name the engine keeps ({@code act_ru_task.name_}, {@code act_hi_taskinst.name_}). */
    static final int MAX_NAME = 255;

    private final ObjectProvider<ServiceRequestRepository> requests;
    private final ObjectProvider<Catalogue> catalogue;

    TaskRows(ObjectProvider<ServiceRequestRepository> requests, ObjectProvider<Catalogue> catalogue) {
        this.requests = requests;
        this.catalogue = catalogue;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        Optional<ServiceRequest> found = number == null ? Optional.empty()
                : requests.getObject().findByRequestNumber(number);
        if (found.isEmpty()) {
            return;
        }
        ServiceRequest request = found.get();
        Optional<CertificateType> known = catalogue.getObject().type(request.getCertificateType());
        String type = typeInWords(request.getCertificateType());
        String masked = MaskedNames.of(request.getCitizenName());
        task.setVariableLocal(ProcessVariables.TASK_REQUEST, request.getRequestNumber());
        task.setVariableLocal(ProcessVariables.TASK_CITIZEN, masked);
        task.setVariableLocal(ProcessVariables.TASK_WARD, request.getWard());
        task.setVariableLocal(ProcessVariables.TASK_TYPE, type);
        task.setDescription(row(request, known.map(TaskRows::serviceInBothLanguages).orElse(type), masked));
        nameInBothLanguages(task, known);
        if (isTheMitans(task)) {
            task.setVariableLocal(ProcessVariables.WHOM_TO_VISIT, whomToVisit(request));
        }
    }

    /** The task's name as drawn, with the Hindi name of its row in the type's steps table. */
    private static void nameInBothLanguages(DelegateTask task, Optional<CertificateType> type) {
        String step = task.getTaskDefinitionKey();
        String hindi = step == null ? null : type.flatMap(known -> known.step(step)).map(Step::label)
                .map(Names::hi).orElse(null);
        String named = inBothLanguages(task.getName(), hindi);
        if (named != null && !named.equals(task.getName())) {
            task.setName(named);
        }
    }

    /** One line naming the request, in every Tasklist row's description and the task's history. */
    static String row(ServiceRequest request, String type, String maskedName) {
        return request.getRequestNumber() + " · " + maskedName + " · ward (वार्ड) " + request.getWard() + " · "
                + type;
    }

    /** The type's name in its service table, "Caste certificate (जाति प्रमाण पत्र)", for the task's description. */
    static String serviceInBothLanguages(CertificateType type) {
        return inBothLanguages(type.serviceName(), type.names().hi());
    }

    /**
     * A task's name as drawn in the model with its Hindi name, the application's "English (हिंदी)"; the name as drawn
     * when there is no Hindi name or the drawn one already holds Devanagari.
     */
    static String inBothLanguages(String drawn, String hindi) {
        if (drawn == null || drawn.isBlank() || hindi == null || hindi.isBlank() || DEVANAGARI.matcher(drawn).find()) {
            return drawn;
        }
        String both = drawn + " (" + hindi.strip() + ")";
        // the engine keeps a task's name in 255 characters: a longer pair would stop the request at this step
        return both.length() > MAX_NAME ? drawn : both;
    }

    /** Markdown for the Mitan's forms: whom to visit, in Hindi and English; what people typed is escaped. */
    static String whomToVisit(ServiceRequest request) {
        return "**Whom to visit (किसके घर जाना है):** " + Markdown.inline(request.getCitizenName()) + "  \n"
                + "**Address (पता):** " + Markdown.inline(request.getAddress()) + ", ward (वार्ड) "
                + request.getWard() + "  \n"
                + "**Phone (फ़ोन):** " + Markdown.inline(request.getCitizenPhone()) + "  \n"
                + "**Request (अनुरोध):** " + request.getRequestNumber();
    }

    /** {@code birth-certificate} becomes "birth certificate". */
    static String typeInWords(String processKey) {
        return processKey == null ? "" : processKey.replace('-', ' ');
    }

    /**
     * A task given to one person as it is made and offered to no group: in the models, the Mitan's visit,
     * particulars and delivery (officers' tasks are offered to their role's groups; the officers see the citizen's
     * name and address in their request summary anyway).
     */
    private static boolean isTheMitans(DelegateTask task) {
        return task.getAssignee() != null && CandidateGroups.of(task).isEmpty();
    }
}
