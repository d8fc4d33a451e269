package org.mitan.document;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist the Mitan sees in the visit task (markdown, rendered by a text view of the form): what to
 * collect for this certificate type, in English and Hindi, what is already uploaded, what the clerk returned to be
 * taken again, and what verification found wrong last time.
 */
@Service
class DocumentChecklistWriter {

    private final Requests requests;
    private final DocumentRepository documents;
    private final RequiredDocuments requiredDocuments;
    private final DocumentReturnRepository returns;

    DocumentChecklistWriter(Requests requests, DocumentRepository documents, RequiredDocuments requiredDocuments,
            DocumentReturnRepository returns) {
        this.requests = requests;
        this.documents = documents;
        this.requiredDocuments = requiredDocuments;
        this.returns = returns;
    }

    @Transactional(readOnly = true)
    String forRequest(String requestNumber, String documentProblems) {
        ServiceRequest request = requests.require(requestNumber);
        List<Document> scans = documents.findByRequestIdOrderByUploadedAtAsc(request.getId());
        Set<String> uploaded = scans.stream().map(Document::getDocumentType).collect(Collectors.toSet());
        return render(RequiredDocuments.onPath(requiredDocuments.forType(request.getCertificateType()), request),
                uploaded, ReturnedScans.of(returns, request.getId(), scans),
                documentProblems);
    }

    static String render(List<RequiredDocument> rows, Set<String> uploadedTypes, String documentProblems) {
        return render(rows, uploadedTypes, ReturnedScans.NONE, documentProblems);
    }

    static String render(List<RequiredDocument> rows, Set<String> uploadedTypes, ReturnedScans returned,
            String documentProblems) {
        StringBuilder markdown = new StringBuilder("**Documents to collect**\n\n");
        List<DocumentRequirement> requirements = RequiredDocuments.requirements(rows);
        List<DocumentRequirement> takeAgain = returned.returnedRequirements(requirements, uploadedTypes);
        Set<String> collected = returned.collected(uploadedTypes);
        for (DocumentRequirement requirement : requirements) {
            markdown.append("- ").append(line(requirement, collected, takeAgain.contains(requirement))).append('\n');
        }
        List<String> problems = documentProblems == null ? List.of()
                : documentProblems.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (!problems.isEmpty()) {
            markdown.append("\n**To fix before the documents can go ahead**\n\n");
            problems.forEach(problem -> markdown.append("- ").append(problem).append('\n'));
        }
        return markdown.toString();
    }

    private static String line(DocumentRequirement requirement, Set<String> collectedTypes, boolean takeAgain) {
        String names = requirement.alternatives().stream().map(DocumentChecklistWriter::name)
                .collect(Collectors.joining(" or "));
        String need = requirement.mandatory()
                ? (requirement.isChoice() ? "one of these is required" : "required")
                : (requirement.isChoice() ? "one of these, only if it applies" : "only if it applies");
        List<String> done = requirement.alternatives().stream()
                .filter(document -> collectedTypes.contains(document.documentType()))
                .map(RequiredDocument::label).toList();
        String state;
        if (takeAgain) {
            state = "**returned by the office: take it again** (कार्यालय ने लौटाया: फिर से लें)";
        } else if (done.isEmpty()) {
            state = requirement.mandatory() ? "**not uploaded yet**" : "not uploaded";
        } else {
            state = requirement.isChoice() ? "uploaded: " + String.join(", ", done) : "uploaded";
        }
        return (requirement.isChoice() ? "One of: " : "") + names + " (" + need + "): " + state;
    }

    private static String name(RequiredDocument document) {
        return "**" + document.label() + "**" + (document.labelHi().isBlank() ? "" : " / " + document.labelHi());
    }
}
