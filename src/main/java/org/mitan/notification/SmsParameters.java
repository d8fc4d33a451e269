package org.mitan.notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.mitan.certificate.CertificateRepository;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.intake.ServiceRequest;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.ProcessKeys;
import org.mitan.process.ProcessVariables;
import org.mitan.process.SmsTemplates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The values an SMS text can use, gathered from the request, its Mitan, its certificate and the process
 * variables. A value that is not known is left out, so that a text needing it fails instead of going out
 * half-filled.
 */
@Component
public class SmsParameters {

    public static final String REQUEST_NUMBER = "requestNumber";
    public static final String SERVICE_NAME = "serviceName";
    public static final String VISIT_WINDOW = "visitWindow";
    public static final String MITAN_NAME = "mitanName";
    public static final String MITAN_PHONE = "mitanPhone";
    public static final String CERTIFICATE_NUMBER = "certificateNumber";
    public static final String VERIFY_URL = "verifyUrl";
    public static final String FEEDBACK_URL = "feedbackUrl";
    public static final String DOCUMENTS = "documents";
    public static final String REASON = "reason";
    public static final String TASK_NAME = "taskName";
    /** Not gathered: only the delivery step knows it. */
    public static final String OTP = "otp";

    private final SmsTexts texts;
    private final MitanRepository mitans;
    private final CertificateRepository certificates;
    private final DocumentRepository documents;
    private final DecisionService decisions;
    private final String publicBaseUrl;

    SmsParameters(SmsTexts texts, MitanRepository mitans, CertificateRepository certificates,
            DocumentRepository documents, DecisionService decisions,
            @Value("${mitan.public-base-url}") String publicBaseUrl) {
        this.texts = texts;
        this.mitans = mitans;
        this.certificates = certificates;
        this.documents = documents;
        this.decisions = decisions;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * Values for {@code template} in {@code language}. {@code variables} looks up process variables by name
     * ({@code execution::getVariable}); pass {@code name -> null} outside a process.
     * The map is mutable, so a caller can add what only it knows (the OTP).
     */
    public Map<String, Object> gather(ServiceRequest request, String template, String language,
            Function<String, Object> variables) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(REQUEST_NUMBER, request.getRequestNumber());
        params.put(SERVICE_NAME, serviceName(request, language, variables));
        if (request.getPreferredVisitWindow() != null) {
            String window = request.getPreferredVisitWindow().name();
            params.put(VISIT_WINDOW, texts.phrase("visitWindow." + window, language).orElse(window.toLowerCase()));
        }
        if (request.getMitanId() != null) {
            mitans.findById(request.getMitanId()).ifPresent(mitan -> {
                params.put(MITAN_NAME, mitan.getName());
                params.put(MITAN_PHONE, mitan.getPhone());
            });
        }
        certificates.findByRequestId(request.getId()).ifPresentOrElse(certificate -> {
            params.put(CERTIFICATE_NUMBER, certificate.getCertificateNumber());
            params.put(VERIFY_URL, publicBaseUrl + "/verify/" + certificate.getVerificationCode());
        }, () -> putIfText(params, CERTIFICATE_NUMBER, variables.apply(ProcessVariables.CERTIFICATE_NUMBER)));
        params.put(FEEDBACK_URL, publicBaseUrl + "/feedback/" + request.getFeedbackCode());
        putIfText(params, REASON, reason(template, variables));
        putIfText(params, TASK_NAME, variables.apply(TASK_NAME));
        if (texts.placeholders(template, language).contains(DOCUMENTS)) {
            putIfText(params, DOCUMENTS, documentsToKeepReady(request, language, variables));
        }
        return params;
    }

    private String serviceName(ServiceRequest request, String language, Function<String, Object> variables) {
        return texts.phrase("service." + request.getCertificateType(), language)
                .or(() -> java.util.Optional.ofNullable(text(variables.apply("serviceName"))))
                .orElse(request.getCertificateType().replace('-', ' '));
    }

    private static String reason(String template, Function<String, Object> variables) {
        if (SmsTemplates.DOCUMENTS_RETURNED.equals(template)) {
            return text(variables.apply(ProcessVariables.SCRUTINY_REMARKS));
        }
        String decision = text(variables.apply(ProcessVariables.DECISION_REASON));
        if (decision != null) {
            return decision;
        }
        String rejection = text(variables.apply(ProcessVariables.SUBMISSION_REJECTION));
        if (rejection != null || SmsTemplates.REJECTED.equals(template)) {
            return rejection;
        }
        return text(variables.apply(ProcessVariables.SCRUTINY_REMARKS));
    }

    /**
     * What the citizen should keep ready: the required documents not uploaded yet (from the
     * {@code required-documents} decision, in the citizen's language); else the problems verification found;
     * else the Mitan's remarks; else a general phrase.
     */
    private String documentsToKeepReady(ServiceRequest request, String language,
            Function<String, Object> variables) {
        String missing = missingDocuments(request, language);
        if (!missing.isEmpty()) {
            return missing;
        }
        String problems = text(variables.apply(ProcessVariables.DOCUMENT_PROBLEMS));
        if (problems != null) {
            return problems;
        }
        String remarks = text(variables.apply(ProcessVariables.VISIT_REMARKS));
        if (remarks != null) {
            return remarks;
        }
        return texts.phrase("documents.asToldByMitan", language).orElse(null);
    }

    private String missingDocuments(ServiceRequest request, String language) {
        List<Map<String, Object>> rows = decisions
                .evaluateDecisionByKey(ProcessKeys.DECISION_REQUIRED_DOCUMENTS)
                .variables(Variables.createVariables()
                        .putValue(ProcessVariables.CERTIFICATE_TYPE, request.getCertificateType()))
                .evaluate()
                .getResultList();
        Set<String> uploaded = documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).stream()
                .map(Document::getDocumentType)
                .collect(Collectors.toSet());
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String group = text(row.get("oneOfGroup"));
            groups.computeIfAbsent(group == null ? "type:" + row.get("documentType") : "group:" + group,
                    key -> new ArrayList<>()).add(row);
        }
        String or = texts.phrase("documents.or", language).orElse(" / ");
        List<String> missing = new ArrayList<>();
        for (List<Map<String, Object>> group : groups.values()) {
            boolean required = group.stream().anyMatch(row -> Boolean.TRUE.equals(row.get("mandatory")));
            Set<String> types = new HashSet<>();
            group.forEach(row -> types.add(String.valueOf(row.get("documentType"))));
            if (required && types.stream().noneMatch(uploaded::contains)) {
                missing.add(group.stream().map(row -> label(row, language)).collect(Collectors.joining(or)));
            }
        }
        return String.join(", ", missing);
    }

    private static String label(Map<String, Object> row, String language) {
        String label = "hi".equals(language) ? text(row.get("labelHi")) : null;
        if (label == null) {
            label = text(row.get("label"));
        }
        return label == null ? String.valueOf(row.get("documentType")) : label;
    }

    private static void putIfText(Map<String, Object> params, String name, Object value) {
        String text = text(value);
        if (text != null) {
            params.put(name, text);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
