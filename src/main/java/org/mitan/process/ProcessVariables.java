package org.mitan.process;

import java.util.List;

/**
 * Names of the process variables shared by every certificate model and the two shared call activities.
 * Variables hold references and small decisions only; documents and particulars stay in the application's tables.
 * <p>
 * Anyone who works a task can overwrite any variable with the form they submit. So no bean reads from a variable
 * which request it works on, what type it is or who works on it: the request is the process instance's business
 * key ({@code org.mitan.request.ProcessRequest}), its type and its Mitan come from the request row, and candidate
 * groups and assignees from the {@code serviceLevels} and {@code assignedMitan} lookups. The variables below that
 * name those things are written for display in Cockpit and Tasklist only.
 */
public final class ProcessVariables {

    // Set at registration
    /** String, display only: the request number, e.g. {@code RPR-2026-000042}; the business key is what counts. */
    public static final String REQUEST_NUMBER = "requestNumber";
    /** String, display only: the process key of the certificate type, e.g. {@code birth-certificate}. */
    public static final String CERTIFICATE_TYPE = "certificateType";
    /** String: code of the urban body, e.g. {@code RPR}. */
    public static final String BODY_CODE = "bodyCode";

    // Start-form fields (call-centre registration in Tasklist); removed once the request row exists
    public static final String CITIZEN_NAME = "citizenName";
    public static final String CITIZEN_PHONE = "citizenPhone";
    public static final String ADDRESS = "address";
    public static final String WARD = "ward";
    public static final String PREFERRED_VISIT_WINDOW = "preferredVisitWindow";
    public static final String LANGUAGE = "language";

    // From the service-level DMN (the candidate groups are not variables: see org.mitan.intake.ServiceLevels)
    /** Integer: days an officer has for one task before the supervisor is told. */
    public static final String OFFICER_DUE_DAYS = "officerDueDays";
    /** Integer: days a Mitan has for a visit or a delivery before the supervisor is told. */
    public static final String MITAN_DUE_DAYS = "mitanDueDays";
    /**
     * Integer: the legal time limit for the whole service (Lok Sewa Guarantee), for display; the legal deadline
     * timer asks {@code serviceLevels.legalDueDays(execution)} because it starts with the process.
     */
    public static final String LEGAL_DUE_DAYS = "legalDueDays";

    // Doorstep visit
    /**
     * String, display only: Camunda user id of the assigned Mitan. The visit, particulars and delivery tasks go to
     * the Mitan of the request row ({@code assignedMitan.userId(execution)}).
     */
    public static final String MITAN_USER_ID = "mitanUserId";
    /** String: a supervisor's manual choice of Mitan, used by the next assignment attempt. */
    public static final String CHOSEN_MITAN_USER_ID = "chosenMitanUserId";
    /** String: why automatic assignment failed, shown to the supervisor. */
    public static final String ASSIGNMENT_PROBLEM = "assignmentProblem";
    /** String (markdown): required documents for this type, with what is already uploaded. */
    public static final String DOCUMENT_CHECKLIST = "documentChecklist";
    /** String: outcome of the visit, one of {@link VisitOutcome}. */
    public static final String VISIT_OUTCOME = "visitOutcome";
    public static final String VISIT_REMARKS = "visitRemarks";
    /** Integer: visits made so far. */
    public static final String VISIT_ATTEMPTS = "visitAttempts";
    /** Integer: visits allowed before the request is closed. */
    public static final String MAX_VISITS = "maxVisits";
    /** Boolean: whether document verification found every required document in order. */
    public static final String DOCUMENTS_VERIFIED = "documentsVerified";
    /** String (plain text, one problem a line): what the Mitan must fix; empty when verified. */
    public static final String DOCUMENT_PROBLEMS = "documentProblems";
    /** String: result of the doorstep visit call activity: {@code verified} or {@code closed}. */
    public static final String VISIT_RESULT = "visitResult";

    // Every user task (task-local, set as it is created; see org.mitan.config.TaskRows)
    /** String: the request number of the task, shown as a column of every Tasklist row. */
    public static final String TASK_REQUEST = "taskRequest";
    /** String: the citizen's name masked ("A*** V****"), shown in every Tasklist row. */
    public static final String TASK_CITIZEN = "taskCitizen";
    /** Integer: the request's ward, shown in every Tasklist row. */
    public static final String TASK_WARD = "taskWard";
    /** String: the certificate type in words ("birth certificate"), shown in every Tasklist row. */
    public static final String TASK_TYPE = "taskType";
    /**
     * String (markdown), personal, kept out of history: whom the Mitan visits or delivers to (name, address,
     * phone, ward, request number), on the Mitan's own tasks only.
     */
    public static final String WHOM_TO_VISIT = "whomToVisit";

    // Officers
    /** String (markdown): the request, its particulars and links to its scans, shown in officer forms. */
    public static final String REQUEST_SUMMARY = "requestSummary";
    /** String: {@code accepted} or {@code returned}. */
    public static final String SCRUTINY_OUTCOME = "scrutinyOutcome";
    public static final String SCRUTINY_REMARKS = "scrutinyRemarks";
    /**
     * List of text (form, a checklist sent as JSON): the document types the clerk returns for the Mitan to take again,
     * with a return. Checked and kept by {@code org.mitan.document.DocumentReturns}; each then counts as not collected
     * until a new scan of it is uploaded.
     */
    public static final String RETURNED_DOCUMENTS = "returnedDocuments";
    /**
     * List of {label, value} (task-local, written on create of an officer's task): the document types the clerk
     * may return (those the request's type asks for, and any other it has scans of), the choices of
     * {@link #RETURNED_DOCUMENTS}.
     */
    public static final String RETURNABLE_DOCUMENTS = "returnableDocuments";
    /**
     * String: a field inquiry's finding, {@code supported} or {@code notSupported}; it informs the competent
     * authority, who decides. Shown to later officers, as is every variable named {@code ...Finding}.
     */
    public static final String INQUIRY_FINDING = "inquiryFinding";
    /** String: the field inquiry's report in the inspector's words; every {@code ...Remarks} is shown likewise. */
    public static final String INQUIRY_REMARKS = "inquiryRemarks";
    /** String: reference given by the single-window system. */
    public static final String SUBMISSION_REFERENCE = "submissionReference";
    /** String: why the single-window system refused the application. */
    public static final String SUBMISSION_REJECTION = "submissionRejection";
    /** String: {@code approved} or {@code rejected}. */
    public static final String DECISION = "decision";
    public static final String DECISION_REASON = "decisionReason";
    public static final String CERTIFICATE_NUMBER = "certificateNumber";

    // Late registration (a type with a "Work out the registration delay" step, see registrationDelay)
    /** Integer: days from the event of the particulars (birth, death, marriage) to the registration; computed. */
    public static final String REGISTRATION_DELAY_DAYS = "registrationDelayDays";
    /** String: the path the type's {@code <key>-registration-delay} decision chose, e.g. {@code permission}. */
    public static final String REGISTRATION_PATH = "registrationPath";
    /** Integer: the late fee in rupees that path charges (0 when none); also on the request record. */
    public static final String LATE_FEE_RUPEES = "lateFeeRupees";
    /** Boolean: whether the documents the path needs are uploaded (if not, the Mitan visits again). */
    public static final String REGISTRATION_DOCUMENTS_COMPLETE = "registrationDocumentsComplete";
    /** String: the prescribed authority's written permission for a late registration, {@code granted} or not. */
    public static final String LATE_PERMISSION = "latePermission";
    /** String: the prescribed authority's remarks; shown to the registrar like every {@code ...Remarks}. */
    public static final String LATE_PERMISSION_REMARKS = "latePermissionRemarks";

    // Corrections of the register (a correction type, see certificate.Corrections)
    /** String (model input of the naming step): the certificate type a correction type corrects. */
    public static final String CORRECTS_TYPE = "correctsType";
    /** String (form): the number of the certificate to correct, as printed on it. */
    public static final String CERTIFICATE_TO_CORRECT = "certificateToCorrect";
    /** Boolean (form): the certificate to correct is an older paper one, not in our register. */
    public static final String PAPER_CERTIFICATE = "paperCertificate";
    /** Boolean: the clerk must enter the paper certificate's entry from its scan before the changes are asked. */
    public static final String CERTIFICATE_ON_PAPER = "certificateOnPaper";
    /** List of {label, value} (task-local, written on create): the entries of the register the form may change. */
    public static final String CORRECTABLE_FIELDS = "correctableFields";
    /**
     * String (form): the entry the first change corrects, one of {@link #CORRECTABLE_FIELDS}; the form has three
     * such slots (field, value asked for, reason), each optional but the first.
     */
    public static final String CHANGE_FIELD_1 = "changeField1";
    /** String (form): the value asked for in the first slot's entry. */
    public static final String CHANGE_NEW_VALUE_1 = "changeNewValue1";
    /** String (form): why the first slot's entry is wrong, in the citizen's words. */
    public static final String CHANGE_REASON_1 = "changeReason1";
    /** String (form): as {@link #CHANGE_FIELD_1}, second slot. */
    public static final String CHANGE_FIELD_2 = "changeField2";
    /** String (form): as {@link #CHANGE_NEW_VALUE_1}, second slot. */
    public static final String CHANGE_NEW_VALUE_2 = "changeNewValue2";
    /** String (form): as {@link #CHANGE_REASON_1}, second slot. */
    public static final String CHANGE_REASON_2 = "changeReason2";
    /** String (form): as {@link #CHANGE_FIELD_1}, third slot. */
    public static final String CHANGE_FIELD_3 = "changeField3";
    /** String (form): as {@link #CHANGE_NEW_VALUE_1}, third slot. */
    public static final String CHANGE_NEW_VALUE_3 = "changeNewValue3";
    /** String (form): as {@link #CHANGE_REASON_1}, third slot. */
    public static final String CHANGE_REASON_3 = "changeReason3";
    /** The change slots of the form, each {field, value asked for, reason}. */
    public static final List<List<String>> CHANGE_SLOTS = List.of(
            List.of(CHANGE_FIELD_1, CHANGE_NEW_VALUE_1, CHANGE_REASON_1),
            List.of(CHANGE_FIELD_2, CHANGE_NEW_VALUE_2, CHANGE_REASON_2),
            List.of(CHANGE_FIELD_3, CHANGE_NEW_VALUE_3, CHANGE_REASON_3));
    /** String: {@code clerical} or {@code substance}, what the type's {@code <key>-rules} made of the changes. */
    public static final String CORRECTION_KIND = "correctionKind";
    /** Boolean: whether the documents the kind of correction needs are uploaded (if not, the Mitan visits again). */
    public static final String CORRECTION_DOCUMENTS_COMPLETE = "correctionDocumentsComplete";
    /** String (form): the higher authority's approval of a correction of substance, {@code granted} or not. */
    public static final String CORRECTION_APPROVAL = "correctionApproval";
    /** String (form): the higher authority's order or reason; shown to the registrar like every {@code ...Remarks}. */
    public static final String CORRECTION_APPROVAL_REMARKS = "correctionApprovalRemarks";

    // Delivery
    /** String: the OTP typed by the Mitan; checked on completion and never kept. */
    public static final String DELIVERY_OTP = "deliveryOtp";
    /** The shared step "Payment before the decision": the fee it waits for (a fee code, set by the calling model). */
    public static final String PAYMENT_FEE = "paymentFee";
    /** How that step ended: {@code paid}, or {@code unpaid} when the request closed without the fee. */
    public static final String PAYMENT_OUTCOME = "paymentOutcome";
    /** The gateway's receipt number of the fee paid. */
    public static final String PAYMENT_RECEIPT = "paymentReceipt";

    /** Prefix of form fields that are type-specific particulars, moved into the request row on completion. */
    public static final String PARTICULAR_PREFIX = "particular_";

    private ProcessVariables() {
    }
}
