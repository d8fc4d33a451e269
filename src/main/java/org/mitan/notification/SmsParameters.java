package org.mitan.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mitan.catalogue.Catalogue;
import org.mitan.certificate.CertificateRepository;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentRequirement;
import org.mitan.document.DocumentReturnRepository;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.document.ReturnedScans;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.OverdueSteps;
import org.mitan.process.ProcessVariables;
import org.mitan.process.SmsTemplates;
import org.mitan.request.ServiceRequest;
import org.mitan.sms.PlainText;
import org.mitan.sms.SmsTexts;
import org.mitan.sms.SmsValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The values an SMS text can use, gathered from the request, its Mitan, its certificate and the process
 * variables. A value that is not known is left out, so that a text needing it fails instead of going out
 * half-filled. The Mitan, the certificate and the documents are looked up only for a text that names them: most
 * texts are sent before there is a certificate, and looking for one cost every SMS a query (issue 11). What people
 * typed (reasons, remarks, the Mitan's name) goes in as {@link PlainText}: no links, no markdown, one short line.
 */
@Component
public class SmsParameters implements SmsValues {
    /**
     * Not a variable: the id of the overdue step, which {@code sendSms} works out from the model
     * ({@link OverdueSteps}); its name comes from the type's steps table.
     */
    public static final String TASK_STEP = "overdueStep";

    private final SmsTexts texts;
    private final MitanRepository mitans;
    private final CertificateRepository certificates;
    private final DocumentRepository documents;
    private final DocumentReturnRepository returns;
    private final RequiredDocuments requiredDocuments;
    private final Catalogue catalogue;
    private final String publicBaseUrl;

    SmsParameters(SmsTexts texts, MitanRepository mitans, CertificateRepository certificates,
            DocumentRepository documents, DocumentReturnRepository returns, RequiredDocuments requiredDocuments,
            Catalogue catalogue, @Value("${mitan.public-base-url}") String publicBaseUrl) {
        this.texts = texts;
        this.mitans = mitans;
        this.certificates = certificates;
        this.documents = documents;
        this.returns = returns;
        this.requiredDocuments = requiredDocuments;
        this.catalogue = catalogue;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Override
    public Map<String, Object> gather(ServiceRequest request, String template, String language,
            Function<String, Object> variables) {
        Set<String> used = texts.placeholders(template, language);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(REQUEST_NUMBER, request.getRequestNumber());
        params.put(SERVICE_NAME, serviceName(request, language));
        if (request.getPreferredVisitWindow() != null) {
            String window = request.getPreferredVisitWindow().name();
            params.put(VISIT_WINDOW, texts.phrase("visitWindow." + window, language).orElse(window.toLowerCase()));
        }
        if (request.getMitanId() != null && (used.contains(MITAN_NAME) || used.contains(MITAN_PHONE))) {
            mitans.findById(request.getMitanId()).ifPresent(mitan -> {
                putIfText(params, MITAN_NAME, PlainText.of(mitan.getName()));
                params.put(MITAN_PHONE, mitan.getPhone());
            });
        }
        if (used.contains(CERTIFICATE_NUMBER) || used.contains(VERIFY_URL)) {
            certificates.findByRequestId(request.getId()).ifPresentOrElse(certificate -> {
                params.put(CERTIFICATE_NUMBER, certificate.getCertificateNumber());
                params.put(VERIFY_URL, publicBaseUrl + "/verify/" + certificate.getVerificationCode());
            }, () -> putIfText(params, CERTIFICATE_NUMBER, variables.apply(ProcessVariables.CERTIFICATE_NUMBER)));
        }
        params.put(FEEDBACK_URL, publicBaseUrl + "/feedback/" + request.getFeedbackCode());
        if (request.getStatusCode() != null) {
            params.put(STATUS_URL, publicBaseUrl + "/status/" + request.getStatusCode());
        }
        putIfText(params, REASON, PlainText.of(reason(template, variables)));
        Object step = variables.apply(TASK_STEP);
        putIfText(params, TASK_NAME, step != null ? stepName(request, step.toString(), language)
                : variables.apply(TASK_NAME));
        if (used.contains(DOCUMENTS)) {
            putIfText(params, DOCUMENTS, documentsToKeepReady(request, language, variables));
        }
        return params;
    }

    /** The type's name in the SMS language, from its tables; the type key in words for a type no longer deployed. */
    private String serviceName(ServiceRequest request, String language) {
        String type = request.getCertificateType();
        return catalogue.type(type).map(found -> found.names().in(language)).orElse(type.replace('-', ' '));
    }

    /** The name of the overdue step in the SMS language, from the type's steps table. */
    private String stepName(ServiceRequest request, String step, String language) {
        if (OverdueSteps.WHOLE_SERVICE.equals(step)) {
            return texts.phrase("step." + OverdueSteps.WHOLE_SERVICE, language).orElse("the whole service");
        }
        return catalogue.type(request.getCertificateType()).flatMap(type -> type.step(step))
                .map(found -> found.label().in(language)).orElse(step);
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
     * What the citizen should keep ready: the required documents not uploaded yet and those the office returned to be
     * taken again (from the {@code required-documents} decision, in the citizen's language); else the problems
     * verification found; else the Mitan's remarks; else a general phrase.
     */
    private String documentsToKeepReady(ServiceRequest request, String language,
            Function<String, Object> variables) {
        String missing = missingDocuments(request, language);
        if (!missing.isEmpty()) {
            return missing;
        }
        String problems = PlainText.of(text(variables.apply(ProcessVariables.DOCUMENT_PROBLEMS)));
        if (problems != null) {
            return problems;
        }
        String remarks = PlainText.of(text(variables.apply(ProcessVariables.VISIT_REMARKS)));
        if (remarks != null) {
            return remarks;
        }
        return texts.phrase("documents.asToldByMitan", language).orElse(null);
    }

    private String missingDocuments(ServiceRequest request, String language) {
        List<RequiredDocument> rows = RequiredDocuments.onPath(
                requiredDocuments.forType(request.getCertificateType()), request);
        List<Document> scans = documents.findByRequestIdOrderByUploadedAtAsc(request.getId());
        Set<String> uploaded = scans.stream().map(Document::getDocumentType).collect(Collectors.toSet());
        ReturnedScans returned = ReturnedScans.of(returns, request.getId(), scans);
        List<DocumentRequirement> requirements = RequiredDocuments.requirements(rows);
        List<DocumentRequirement> takeAgain = returned.returnedRequirements(requirements, uploaded);
        Set<String> collected = returned.collected(uploaded);
        String or = texts.phrase("documents.or", language).orElse(" / ");
        return requirements.stream()
                .filter(requirement -> takeAgain.contains(requirement)
                        || requirement.mandatory() && !requirement.metBy(collected))
                .map(requirement -> label(requirement, language, or))
                .collect(Collectors.joining(", "));
    }

    private static String label(DocumentRequirement requirement, String language, String or) {
        return requirement.alternatives().stream()
                .map(row -> "hi".equals(language) && !row.labelHi().isBlank() ? row.labelHi() : row.label())
                .collect(Collectors.joining(or));
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
