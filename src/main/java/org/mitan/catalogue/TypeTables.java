package org.mitan.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The tables of a type's own DMN file, {@code <key>.dmn}, deployed with its model; the one place where a type's
 * facts are written and the one reader of them (the catalogue at run time, the deployment check at deploy time):
 * <ul>
 * <li>{@code <key>-service}: one row; the type's name and deciding department in English and Hindi, the particular
 * that names the holder, the legal time limit in days and the visits before an unanswered request is closed;</li>
 * <li>{@code <key>-steps}: one row per user task a request meets, by task id: the role that works on it (empty for
 * the request's own Mitan), its days before the supervisor is reminded, its name in English and Hindi;</li>
 * <li>{@code <key>-documents}: one row per document the Mitan collects, for the type in its first column (evaluated
 * by the documents checklist; checked here for a row of the type, a document type and both labels);</li>
 * <li>{@code <key>-fees} (optional; types written before fees have none): one row per fee a request carries, by fee
 * code: the amount in whole rupees and its name in English and Hindi. A type that has the table must have the row
 * {@code mitan-service} (the Mitan service fee); any other row (e.g. {@code late-registration}) is the type's own.</li>
 * </ul>
 * The rows are data: output entries are literals ({@code "clerk"}, {@code 2}), read without evaluating anything.
 */
public final class TypeTables {

    public static final String SERVICE = "-service";
    public static final String STEPS = "-steps";
    public static final String DOCUMENTS = "-documents";
    public static final String FEES = "-fees";

    static final String SERVICE_NAME = "serviceName";
    static final String SERVICE_NAME_HI = "serviceNameHi";
    static final String DEPARTMENT = "department";
    static final String DEPARTMENT_HI = "departmentHi";
    static final String HOLDER_PARTICULAR = "holderParticular";
    static final String LEGAL_DUE_DAYS = "legalDueDays";
    static final String MAX_VISITS = "maxVisits";
    static final String ROLE = "role";
    static final String DUE_DAYS = "dueDays";
    static final String LABEL = "label";
    static final String LABEL_HI = "labelHi";
    static final String RUPEES = "rupees";
    static final String DOCUMENT_TYPE = "documentType";

    /** A role is a group family: lower-case words joined by dashes, e.g. {@code revenue-inspector}. */
    public static final String ROLE_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

    private TypeTables() {
    }

    public static String serviceDecision(String key) {
        return key + SERVICE;
    }

    public static String stepsDecision(String key) {
        return key + STEPS;
    }

    public static String documentsDecision(String key) {
        return key + DOCUMENTS;
    }

    public static String feesDecision(String key) {
        return key + FEES;
    }

    /**
     * The type as the tables of the DMN file describe it.
     *
     * @throws UnreadableTypeTables naming every problem found, e.g. a missing Hindi name or a step without days
     */
    public static CertificateType read(DmnModelInstance model, String key) {
        List<String> problems = new ArrayList<>();
        Table service = table(model, serviceDecision(key), problems);
        Table steps = table(model, stepsDecision(key), problems);
        Table documents = table(model, documentsDecision(key), problems);
        if (documents != null) {
            documents(documents, key, problems);
        }
        if (service == null || steps == null) {
            throw new UnreadableTypeTables(key, problems);
        }
        Map<String, String> row = service.rows().isEmpty() ? Map.of() : service.rows().get(0);
        if (service.rows().size() != 1) {
            problems.add("table '" + service.id() + "' must have exactly one row, it has " + service.rows().size());
        }
        Names name = names(row, SERVICE_NAME, SERVICE_NAME_HI, service.id(), problems);
        Names department = names(row, DEPARTMENT, DEPARTMENT_HI, service.id(), problems);
        int legalDueDays = days(row.get(LEGAL_DUE_DAYS), service.id() + " column " + LEGAL_DUE_DAYS, problems);
        int maxVisits = days(row.get(MAX_VISITS), service.id() + " column " + MAX_VISITS, problems);
        String holder = blankToNull(row.get(HOLDER_PARTICULAR));

        Map<String, Step> stepsById = new LinkedHashMap<>();
        for (Map<String, String> stepRow : steps.rows()) {
            String id = stepRow.get(Table.INPUT);
            if (id == null || id.isBlank()) {
                problems.add("a row of table '" + steps.id() + "' names no task id");
                continue;
            }
            String where = steps.id() + " row " + id;
            String role = blankToNull(stepRow.get(ROLE));
            if (role != null && !role.matches(ROLE_PATTERN)) {
                problems.add(where + ": role '" + role + "' is not a role name (lower-case words joined by dashes,"
                        + " e.g. clerk or revenue-inspector)");
            }
            int dueDays = days(stepRow.get(DUE_DAYS), where + " column " + DUE_DAYS, problems);
            Names label = names(stepRow, LABEL, LABEL_HI, where, problems);
            if (stepsById.putIfAbsent(id, new Step(id, role, dueDays, label)) != null) {
                problems.add("table '" + steps.id() + "' has two rows for task " + id);
            }
        }
        List<Fee> fees = fees(model, key, problems);
        if (!problems.isEmpty()) {
            throw new UnreadableTypeTables(key, problems);
        }
        return new CertificateType(key, name, department, holder, legalDueDays, maxVisits, stepsById, fees);
    }

    /**
     * The documents table must hold rows for this type: a copied table whose first column still names the type it
     * was copied from would leave the Mitan's checklist empty, found only when the first visit is opened. A row whose
     * first column is more than one literal is the engine's to evaluate, and counted.
     */
    private static void documents(Table table, String key, List<String> problems) {
        int rows = 0;
        for (Map<String, String> row : table.rows()) {
            String type = row.get(Table.INPUT);
            if (type != null && !type.equals(key) && !type.contains("\"")) {
                continue;
            }
            rows++;
            String documentType = blankToNull(row.get(DOCUMENT_TYPE));
            if (documentType == null) {
                problems.add("row " + rows + " of table '" + table.id() + "' names no document type (column "
                        + DOCUMENT_TYPE + ")");
            }
            String where = table.id() + " row " + (documentType == null ? String.valueOf(rows) : documentType);
            names(row, LABEL, LABEL_HI, where, problems);
        }
        if (rows == 0) {
            problems.add("table '" + table.id() + "' has no row for certificate type '" + key + "': write \"" + key
                    + "\" in its first column (rows copied from another type still name that type)");
        }
    }

    private static List<Fee> fees(DmnModelInstance model, String key, List<String> problems) {
        if (model.getModelElementById(feesDecision(key)) == null) {
            return List.of();
        }
        Table table = table(model, feesDecision(key), problems);
        if (table == null) {
            return List.of();
        }
        Map<String, Fee> byCode = new LinkedHashMap<>();
        for (Map<String, String> row : table.rows()) {
            String code = row.get(Table.INPUT);
            if (code == null || !code.matches(ROLE_PATTERN)) {
                problems.add("a row of table '" + table.id() + "' names no fee code (lower-case words joined by dashes,"
                        + " e.g. mitan-service); it names '" + (code == null ? "" : code) + "'");
                continue;
            }
            String where = table.id() + " row " + code;
            int rupees = wholeNumber(row.get(RUPEES), where + " column " + RUPEES + " (the amount in rupees)", problems);
            Names label = names(row, LABEL, LABEL_HI, where, problems);
            if (byCode.putIfAbsent(code, new Fee(code, rupees, label)) != null) {
                problems.add("table '" + table.id() + "' has two rows for fee " + code);
            }
        }
        if (!byCode.containsKey(Fee.MITAN_SERVICE)) {
            problems.add("table '" + table.id() + "' has no row for fee " + Fee.MITAN_SERVICE
                    + " (the Mitan service fee every type charges)");
        }
        return List.copyOf(byCode.values());
    }

    private static Names names(Map<String, String> row, String en, String hi, String where, List<String> problems) {
        String english = blankToNull(row.get(en));
        String hindi = blankToNull(row.get(hi));
        if (!row.isEmpty() && (!row.containsKey(en) || !row.containsKey(hi))) {
            String table = where.split(" ", 2)[0];
            String missing = "table '" + table + "' has no output column named " + (row.containsKey(en) ? hi : en)
                    + " (an output's Name is misspelt or gone: name the English column " + en + " and the Hindi"
                    + " one " + hi + ")";
            if (!problems.contains(missing)) {
                problems.add(missing);
            }
            return new Names(english, hindi);
        }
        if (english == null) {
            problems.add(where + ": column " + en + " (the English name) is empty");
        }
        if (hindi == null) {
            problems.add(where + ": column " + hi + " (the Hindi name) is empty: the SMS and the certificate need it");
        }
        return new Names(english, hindi);
    }

    private static int days(String text, String where, List<String> problems) {
        return wholeNumber(text, where, problems);
    }

    private static int wholeNumber(String text, String where, List<String> problems) {
        try {
            int days = Integer.parseInt(text == null ? "" : text.strip());
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(where + " must be a whole number, at least 1 (it is '" + (text == null ? "" : text) + "')");
        return 1;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Table table(DmnModelInstance model, String id, List<String> problems) {
        ModelElementInstance element = model.getModelElementById(id);
        if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
            problems.add("the DMN file has no decision table with the id '" + id + "'");
            return null;
        }
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            Map<String, String> row = new LinkedHashMap<>();
            List<InputEntry> inputs = new ArrayList<>(rule.getInputEntries());
            if (!inputs.isEmpty()) {
                row.put(Table.INPUT, literal(text(inputs.get(0))));
            }
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            for (int column = 0; column < outputs.size(); column++) {
                if (outputs.get(column) != null) {
                    row.put(outputs.get(column), column < entries.size() ? literal(text(entries.get(column))) : null);
                }
            }
            rows.add(row);
        }
        return new Table(id, rows);
    }

    /** A string literal without its quotes, a number or boolean as written; null for "-" or nothing. */
    private static String literal(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("-")) {
            return null;
        }
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\\\"", "\"");
        }
        return trimmed;
    }

    private static String text(UnaryTests tests) {
        return tests.getText() == null ? null : tests.getText().getTextContent();
    }

    private static String text(LiteralExpression expression) {
        return expression.getText() == null ? null : expression.getText().getTextContent();
    }

    /** A decision table's rows as column name → literal; the first input column's entry under {@link #INPUT}. */
    private record Table(String id, List<Map<String, String>> rows) {
        static final String INPUT = "";
    }

    /** The tables of a type cannot be read; the message names every problem. */
    public static final class UnreadableTypeTables extends IllegalStateException {

        private final transient List<String> problems;

        UnreadableTypeTables(String key, List<String> problems) {
            super("The tables of certificate type '" + key + "' (" + key + ".dmn) cannot be used: "
                    + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
