package org.mitan.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.mitan.catalogue.DeployedVersions;
import org.mitan.catalogue.LatestDecision;
import org.mitan.catalogue.TypeTables;
import org.mitan.process.EngineCalls;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ServiceRequest;
import org.springframework.stereotype.Service;

/**
 * The documents each certificate type asks for, read from the type's own DMN decision {@code <key>-documents}
 * (analysts change the table, not the code), and what is still missing from a request's uploads.
 * <p>
 * Asked on every checklist, upload and SMS, so the table is not evaluated through the engine's
 * {@code DecisionService} (which writes a historic decision instance each time): the latest deployed version is
 * parsed once by a DMN engine of its own (the default configuration: FEEL, as the process engine uses for these
 * tables) and evaluated in memory, once per parsed table: its only input is the type, so the rows are kept with the
 * table they came from (evaluating FEEL on every call was a tenth of the application's CPU under load). A new
 * deployment is picked up on the next call.
 */
@Service
public class RequiredDocuments {

    private final DeployedVersions versions;
    private final IdentityService identity;
    private final DmnEngine dmn;
    private final Map<String, LatestDecision<DmnDecision>> decisions = new ConcurrentHashMap<>();
    private final Map<String, Evaluated> evaluated = new ConcurrentHashMap<>();

    /** The rows a parsed table gave for a type. */
    private record Evaluated(DmnDecision table, List<RequiredDocument> rows) {
    }

    RequiredDocuments(DeployedVersions versions, IdentityService identity) {
        this.versions = versions;
        this.identity = identity;
        this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    /**
     * The rows of the newest deployed {@code required-documents} decision for the type, in table order.
     * A type without any row is a configuration error (every certificate asks for something), not "nothing needed".
     */
    public List<RequiredDocument> forType(String certificateType) {
        DmnDecision table = latest(certificateType);
        Evaluated known = evaluated.get(certificateType);
        if (known == null || known.table() != table) {
            known = new Evaluated(table, fromResult(evaluate(table, certificateType)));
            evaluated.put(certificateType, known);
        }
        List<RequiredDocument> rows = known.rows();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The decision '" + TypeTables.documentsDecision(certificateType)
                    + "' lists no documents for certificate type '" + certificateType
                    + "': add its rows to " + certificateType + ".dmn and deploy the type.");
        }
        return rows;
    }

    /**
     * The rows for one request: the type's rows, with the documents its registration path asks for (see
     * {@link RegistrationDelayDelegate}, e.g. an affidavit and the magistrate's order for a birth registered more
     * than a year late) made mandatory. Before the path is known, the type's rows as they are.
     */
    public static List<RequiredDocument> onPath(List<RequiredDocument> rows, ServiceRequest request) {
        List<String> pathDocuments = request.getPathDocuments();
        if (pathDocuments.isEmpty()) {
            return rows;
        }
        return rows.stream().map(row -> pathDocuments.contains(row.documentType()) && !row.mandatory()
                ? new RequiredDocument(row.documentType(), row.label(), row.labelHi(), true, row.oneOfGroup())
                : row).toList();
    }

    /**
     * The deployed table is found as the application, not as the logged-in user: the list of documents is the same
     * for everyone, and a Mitan needs no permission on decision definitions to upload a scan.
     */
    private DmnDecision latest(String certificateType) {
        String key = TypeTables.documentsDecision(certificateType);
        LatestDecision<DmnDecision> decision = decisions.computeIfAbsent(key, decisionKey ->
                new LatestDecision<>(versions, decisionKey,
                        (definition, model) -> dmn.parseDecision(definition.getKey(), model)));
        return EngineCalls.withoutAuthentication(identity, decision::get).orElseThrow(() ->
                new IllegalStateException("No decision '" + key + "' is deployed: deploy the type "
                        + certificateType + " with its " + certificateType + ".dmn."));
    }

    private List<Map<String, Object>> evaluate(DmnDecision table, String certificateType) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CERTIFICATE_TYPE, certificateType);
        return dmn.evaluateDecision(table, variables).getResultList();
    }

    static List<RequiredDocument> fromResult(List<Map<String, Object>> resultList) {
        List<RequiredDocument> rows = new ArrayList<>();
        for (Map<String, Object> row : resultList) {
            String documentType = text(row, "documentType");
            if (documentType == null || documentType.isEmpty()) {
                throw new IllegalStateException("A row of a documents table has no documentType: " + row);
            }
            rows.add(new RequiredDocument(documentType, text(row, "label"), text(row, "labelHi"),
                    flag(row, "mandatory"), text(row, "oneOfGroup")));
        }
        return List.copyOf(rows);
    }

    /** One requirement per single document and one per "one of" group, in the order they first appear. */
    public static List<DocumentRequirement> requirements(List<RequiredDocument> rows) {
        Map<String, List<RequiredDocument>> lines = new LinkedHashMap<>();
        for (RequiredDocument row : rows) {
            String line = row.isAlternative() ? "group:" + row.oneOfGroup() : "type:" + row.documentType();
            lines.computeIfAbsent(line, key -> new ArrayList<>()).add(row);
        }
        return lines.values().stream().map(DocumentRequirement::new).toList();
    }

    /** The mandatory requirements that no uploaded type meets (a group is met by any of its alternatives). */
    public static List<DocumentRequirement> missing(List<RequiredDocument> rows, Collection<String> uploadedTypes) {
        return requirements(rows).stream()
                .filter(DocumentRequirement::mandatory)
                .filter(requirement -> !requirement.metBy(uploadedTypes))
                .toList();
    }

    private static String text(Map<String, Object> row, String output) {
        Object value = row.get(output);
        return value == null ? null : value.toString().trim();
    }

    private static boolean flag(Map<String, Object> row, String output) {
        Object value = row.get(output);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().trim());
    }
}
