package org.mitan.document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.spin.json.SpinJsonNode;
import org.mitan.failure.Refusal;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.text.Excerpt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clerk's return of a request's documents for a revisit, by document type: what the scrutiny form offers
 * (the documents the request's type asks for on its path, scanned or not, and any other type it has scans of), and
 * the return itself, checked against those whatever the form or a REST call sent. A returned type then awaits a new
 * scan ({@link ReturnedScans}): a scanned one is taken again, one never scanned (an affidavit "only if it applies"
 * that the clerk finds does apply) is taken for the first time.
 */
@Service
public class DocumentReturns {

    /** After the name of a document the request has no scan of yet. */
    static final String NOT_SCANNED = " (not scanned yet / अभी स्कैन नहीं)";

    private final Requests requests;
    private final DocumentRepository documents;
    private final DocumentReturnRepository returns;
    private final RequiredDocuments requiredDocuments;
    private final Clock clock;

    DocumentReturns(Requests requests, DocumentRepository documents, DocumentReturnRepository returns,
            RequiredDocuments requiredDocuments, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.returns = returns;
        this.requiredDocuments = requiredDocuments;
        this.clock = clock;
    }

    /** One choice of the scrutiny form's checklist: a document type the clerk may return, named for people. */
    private record Choice(String label, String value) {
    }

    /**
     * The document types the clerk may return: those the request's type asks for on its path, in the order of its
     * table, then any other it has scans of; each named in English and Hindi, those never scanned marked so.
     */
    @Transactional(readOnly = true)
    public List<Map<String, String>> returnable(String requestNumber) {
        ServiceRequest request = requests.require(requestNumber);
        return returnableTypes(request).values().stream()
                .map(choice -> Map.of("label", choice.label(), "value", choice.value())).toList();
    }

    /**
     * Records that the clerk returns these document types ({@code sent}: the scrutiny form's list, as the engine
     * holds it) and gives their names, for the request's record. Refused, with nothing written, when the list is
     * empty, not a list of text, or names a type the clerk may not return. Nothing is recorded when no list was
     * sent at all: the return of a form that offers no choice (a request still on a model bound to an older form).
     */
    @Transactional
    public List<String> record(String requestNumber, Object sent, String actor) {
        ServiceRequest request = requests.require(requestNumber);
        if (sent == null) {
            return List.of();
        }
        List<String> types = typesOf(sent);
        Map<String, Choice> returnable = returnableTypes(request);
        if (types.isEmpty()) {
            throw refusal("must name at least one document: tick each scan the Mitan must take again (a return"
                    + " sends the Mitan back for them). / कम से कम एक दस्तावेज़ चुनें जो मितान को फिर से लेना है।");
        }
        for (String type : types) {
            if (!returnable.containsKey(type)) {
                throw refusal("may name only documents request " + request.getRequestNumber() + " asks for or has"
                        + " scans of (" + String.join(", ", returnable.keySet()) + "); " + Excerpt.quoted(type)
                        + " is not one of them. / केवल इस आवेदन के दस्तावेज़ ही लौटाए जा सकते हैं।");
            }
        }
        returns.save(new DocumentReturn(request.getId(), types, actor,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
        return types.stream().map(type -> returnable.get(type).label()).toList();
    }

    private Map<String, Choice> returnableTypes(ServiceRequest request) {
        Set<String> scanned = new LinkedHashSet<>();
        documents.findByRequestIdOrderByUploadedAtAsc(request.getId())
                .forEach(scan -> scanned.add(scan.getDocumentType()));
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (RequiredDocument row : RequiredDocuments.onPath(requiredDocuments.forType(request.getCertificateType()),
                request)) {
            choices.putIfAbsent(row.documentType(), new Choice(scanned.remove(row.documentType()) ? row.names()
                    : row.names() + NOT_SCANNED, row.documentType()));
        }
        scanned.forEach(type -> choices.put(type, new Choice(type, type)));
        return choices;
    }

    /**
     * The document types of the list sent: a JSON list of text (Tasklist's checklist), or a list of text from a Java
     * caller; duplicates once. Anything else is refused.
     */
    static List<String> typesOf(Object sent) {
        List<String> types = new ArrayList<>();
        if (sent instanceof SpinJsonNode json && json.isArray()) {
            for (SpinJsonNode element : json.elements()) {
                if (!element.isString()) {
                    throw notAList();
                }
                types.add(element.stringValue());
            }
        } else if (sent instanceof Collection<?> list) {
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    throw notAList();
                }
                types.add(text);
            }
        } else {
            throw notAList();
        }
        return types.stream().map(String::strip).filter(type -> !type.isEmpty()).distinct().toList();
    }

    private static Refusal notAList() {
        return refusal("is a list of the document types to take again, e.g. [\"parent-id\"], as the scrutiny form"
                + " sends it.");
    }

    private static Refusal refusal(String error) {
        return Refusal.invalid(Map.of(ProcessVariables.RETURNED_DOCUMENTS, error));
    }
}
