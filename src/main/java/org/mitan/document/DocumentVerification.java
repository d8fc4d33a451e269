package org.mitan.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a request's scans before they go to the officers: every mandatory document (or one of each group) is
 * there, and each stored object is still what was uploaded (present, same size, same SHA-256 on re-reading the
 * bytes, PDF/JPEG/PNG through and through with no active content in a PDF, not empty, within the limit). Each
 * problem is one sentence the Mitan can act on. When a type was uploaded more than once, the newest upload is the
 * one that counts; a type the clerk returned counts only once a scan of it is uploaded after the return.
 */
@Service
public class DocumentVerification {

    static final String ACTOR = "document-verification";

    private final Requests requests;
    private final DocumentRepository documents;
    private final RequiredDocuments requiredDocuments;
    private final DocumentStore store;
    private final DocumentProperties limits;
    private final DocumentReturnRepository returns;

    DocumentVerification(Requests requests, DocumentRepository documents, RequiredDocuments requiredDocuments,
            DocumentStore store, DocumentProperties limits, DocumentReturnRepository returns) {
        this.requests = requests;
        this.documents = documents;
        this.requiredDocuments = requiredDocuments;
        this.store = store;
        this.limits = limits;
        this.returns = returns;
    }

    /**
     * The problems with the request's documents, empty when all is in order; then the request moves to
     * DOCUMENTS_VERIFIED (once: running again after a crash records no second milestone).
     */
    @Transactional
    public List<String> verify(String requestNumber) {
        ServiceRequest request = requests.require(requestNumber);
        List<String> problems = problemsOf(request);
        if (problems.isEmpty() && request.getStatus() != RequestStatus.DOCUMENTS_VERIFIED) {
            requests.advance(request, RequestStatus.DOCUMENTS_VERIFIED, ACTOR, "Every required document is in order");
        }
        return problems;
    }

    List<String> problemsOf(ServiceRequest request) {
        List<RequiredDocument> rows = RequiredDocuments.onPath(
                requiredDocuments.forType(request.getCertificateType()), request);
        Map<String, Document> newestByType = new LinkedHashMap<>();
        List<Document> scans = documents.findByRequestIdOrderByUploadedAtAsc(request.getId());
        scans.forEach(document -> newestByType.put(document.getDocumentType(), document));
        ReturnedScans returned = ReturnedScans.of(returns, request.getId(), scans);

        List<String> problems = new ArrayList<>();
        List<DocumentRequirement> takeAgain = returned.returnedRequirements(RequiredDocuments.requirements(rows),
                newestByType.keySet());
        for (DocumentRequirement line : takeAgain) {
            problems.add(line.label() + " was returned by the office: take it again and upload the new scan.");
        }
        for (DocumentRequirement missing : RequiredDocuments.missing(rows, returned.collected(newestByType.keySet()))) {
            if (!takeAgain.contains(missing)) {
                problems.add(missing.isChoice()
                        ? "None of " + missing.label() + " is uploaded: scan and upload one of them."
                        : missing.label() + " is missing: scan and upload it.");
            }
        }
        for (RequiredDocument row : rows) {
            Document document = newestByType.remove(row.documentType());
            if (document != null) {
                problemWith(row.label(), document).ifPresent(problems::add);
            }
        }
        newestByType.forEach((type, document) -> problemWith(type, document).ifPresent(problems::add));
        return problems;
    }

    /** The first thing wrong with one stored scan, as a sentence naming the document. */
    private Optional<String> problemWith(String label, Document document) {
        Optional<Long> storedSize = store.size(document.getObjectKey());
        if (storedSize.isEmpty()) {
            return Optional.of(label + ": the stored file is missing; upload it again.");
        }
        if (storedSize.get() == 0 || document.getSizeBytes() == 0) {
            return Optional.of(label + ": the file is empty; scan it again and upload it.");
        }
        if (storedSize.get() != document.getSizeBytes()) {
            return Optional.of(label + ": the stored file is not the size recorded at upload; upload it again.");
        }
        if (storedSize.get() > limits.maxBytes()) {
            return Optional.of(label + ": the file is " + DocumentProperties.inWords(storedSize.get())
                    + ", more than the limit of " + limits.maxSizeInWords()
                    + "; scan it at a lower resolution and upload it again.");
        }
        Optional<Reread> reread = reread(document.getObjectKey());
        if (reread.isEmpty()) {
            return Optional.of(label + ": the stored file is missing; upload it again.");
        }
        if (!reread.get().sha256().equals(document.getSha256()) || reread.get().size() != document.getSizeBytes()) {
            return Optional.of(label + ": the stored file does not match its recorded fingerprint; upload it again.");
        }
        Optional<String> contentType = ContentTypes.detect(reread.get().content());
        if (contentType.isEmpty()) {
            return Optional.of(label + ": the file is not a " + ContentTypes.ACCEPTED_IN_WORDS + "; scan it again as "
                    + ContentTypes.ACCEPTED_IN_WORDS + " and upload it.");
        }
        return ScanContents.problem(contentType.get(), reread.get().content())
                .map(problem -> label + ": the file " + problem + ".");
    }

    private record Reread(String sha256, long size, byte[] content) {
    }

    /**
     * Reads the object through once: its SHA-256, its length and its bytes (the size was checked against the limit
     * before, so they fit in memory).
     */
    private Optional<Reread> reread(String objectKey) {
        Optional<InputStream> opened = store.open(objectKey);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = opened.get()) {
            MessageDigest digest = Sha256.newDigest();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                if (size + read <= limits.maxBytes()) {
                    content.write(buffer, 0, read);
                }
                size += read;
            }
            return Optional.of(new Reread(Sha256.hexOf(digest), size, content.toByteArray()));
        } catch (IOException e) {
            throw new ObjectStoreException("Could not read back " + objectKey + " from the document store", e);
        }
    }
}
