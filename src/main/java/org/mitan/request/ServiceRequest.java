package org.mitan.request;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A citizen's request for one certificate. The request number is the process instance's business key.
 * Type-specific particulars (a child's date of birth, a caste claim) live in {@link #particulars}, not in the engine.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_number", nullable = false, unique = true, updatable = false)
    private String requestNumber;

    /** The process key of the certificate type, e.g. {@code birth-certificate}. */
    @Column(name = "certificate_type", nullable = false, updatable = false)
    private String certificateType;

    @Column(name = "body_code", nullable = false, updatable = false)
    private String bodyCode;

    @Column(nullable = false)
    private int ward;

    @Column(name = "citizen_name", nullable = false)
    private String citizenName;

    @Column(name = "citizen_phone", nullable = false)
    private String citizenPhone;

    @Column(nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_visit_window", nullable = false)
    private VisitWindow preferredVisitWindow;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "mitan_id")
    private Long mitanId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> particulars = new HashMap<>();

    /** Unguessable code in the feedback link sent to the citizen. */
    @Column(name = "feedback_code", nullable = false, unique = true, updatable = false)
    private String feedbackCode;

    /** Unguessable code of the citizen's status page, in every SMS ({@link StatusCodes}). */
    @Column(name = "status_code", nullable = false, unique = true, updatable = false)
    private String statusCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Days between the event of the particulars (birth, death, marriage) and the registration; see V14. */
    @Column(name = "registration_delay_days")
    private Integer registrationDelayDays;

    /** The path the type's registration-delay decision chose, e.g. {@code registrar}, {@code permission}. */
    @Column(name = "registration_path")
    private String registrationPath;

    /** Document types that path makes mandatory, comma-separated; empty when none. */
    @Column(name = "path_documents")
    private String pathDocuments;

    /** The late fee in rupees the path charges (0 when none); the fee and payment machinery collects it. */
    @Column(name = "late_fee_rupees")
    private Integer lateFeeRupees;

    /** The certificate this request corrects (a correction type's request); empty for every other request. */
    @Column(name = "corrects_certificate_id")
    private Long correctsCertificateId;

    /** The paper register entry this request corrects, when the certificate was an older paper one. */
    @Column(name = "corrects_paper_entry_id")
    private Long correctsPaperEntryId;

    @Version
    private long version;

    protected ServiceRequest() {
    }

    public ServiceRequest(String requestNumber, String certificateType, String bodyCode, int ward, String citizenName,
            String citizenPhone, String address, VisitWindow preferredVisitWindow, String language, String feedbackCode,
            Instant now) {
        this.requestNumber = requestNumber;
        this.certificateType = certificateType;
        this.bodyCode = bodyCode;
        this.ward = ward;
        this.citizenName = citizenName;
        this.citizenPhone = citizenPhone;
        this.address = address;
        this.preferredVisitWindow = preferredVisitWindow;
        this.language = language;
        this.feedbackCode = feedbackCode;
        this.statusCode = StatusCodes.of(requestNumber, feedbackCode);
        this.status = RequestStatus.REGISTERED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves the request to a new status; a final status also closes it. */
    public void moveTo(RequestStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
        if (!next.isOpen()) {
            this.closedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getRequestNumber() {
        return requestNumber;
    }

    public String getCertificateType() {
        return certificateType;
    }

    public String getBodyCode() {
        return bodyCode;
    }

    public int getWard() {
        return ward;
    }

    public String getCitizenName() {
        return citizenName;
    }

    public String getCitizenPhone() {
        return citizenPhone;
    }

    public String getAddress() {
        return address;
    }

    public VisitWindow getPreferredVisitWindow() {
        return preferredVisitWindow;
    }

    public String getLanguage() {
        return language;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getMitanId() {
        return mitanId;
    }

    public void setMitanId(Long mitanId) {
        this.mitanId = mitanId;
    }

    public Map<String, Object> getParticulars() {
        return particulars;
    }

    public void setParticulars(Map<String, Object> particulars) {
        this.particulars = new HashMap<>(particulars);
    }

    public String getFeedbackCode() {
        return feedbackCode;
    }

    public String getStatusCode() {
        return statusCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Integer getRegistrationDelayDays() {
        return registrationDelayDays;
    }

    public String getRegistrationPath() {
        return registrationPath;
    }

    /** The document types the registration path makes mandatory, in the decision's order. */
    public List<String> getPathDocuments() {
        if (pathDocuments == null || pathDocuments.isBlank()) {
            return List.of();
        }
        return Arrays.stream(pathDocuments.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    public Integer getLateFeeRupees() {
        return lateFeeRupees;
    }

    /** Records the registration delay and what the type's decision made of it. */
    public void recordRegistrationDelay(int delayDays, String path, List<String> documents, int lateFee,
            Instant now) {
        this.registrationDelayDays = delayDays;
        this.registrationPath = path;
        this.pathDocuments = String.join(",", documents);
        this.lateFeeRupees = lateFee;
        this.updatedAt = now;
    }

    public Long getCorrectsCertificateId() {
        return correctsCertificateId;
    }

    public Long getCorrectsPaperEntryId() {
        return correctsPaperEntryId;
    }

    /** Links a correction request to the certificate (one version of a register entry) it corrects. */
    public void correct(Long certificateId, Instant now) {
        this.correctsCertificateId = certificateId;
        this.correctsPaperEntryId = null;
        this.updatedAt = now;
    }

    /** Links a correction request to the register entry entered from an older paper certificate. */
    public void correctPaperEntry(Long paperEntryId, Instant now) {
        this.correctsPaperEntryId = paperEntryId;
        this.correctsCertificateId = null;
        this.updatedAt = now;
    }

    /**
     * Records the path a type's rules chose for the request and the document types that path makes mandatory,
     * without a registration delay (a correction of substance needs an affidavit).
     */
    public void choosePath(String path, List<String> documents, Instant now) {
        this.registrationPath = path;
        this.pathDocuments = String.join(",", documents);
        this.updatedAt = now;
    }
}
