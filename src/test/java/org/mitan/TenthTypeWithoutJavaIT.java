package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.TestTypes;
import org.mitan.document.DocumentRequirement;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.delivery.Delivery;
import org.mitan.delivery.DeliveryRepository;
import org.mitan.document.DocumentStore;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A certificate type added without a line of Java: the analyst deploys the test-only type {@value TenthType#KEY}
 * (a copied model, its own DMN file and its particulars form, nothing shared) over {@code /engine-rest} as Camunda
 * Modeler does, with "deploy changed only"; then changes the model and deploys again the same way, so that only the
 * changed model goes in. A request of that type goes from the call centre to the citizen's door through the same APIs
 * and beans as a birth certificate, as the demo users. Deployments that would break the type, or change what is not
 * its own, are refused with a message naming what to fix, and change nothing.
 */
@MitanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenthTypeWithoutJavaIT {

    private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    RequiredDocuments requiredDocuments;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    CertificateRepository certificates;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    SmsMessageRepository outbox;
    @Autowired
    DocumentStore store;

    @Autowired
    Catalogue catalogue;

    private final CertificateType type = TenthType.tables();
    /** What the other types and the shared steps were before the analyst deployed. */
    private Map<String, Object> othersBefore;
    private String secondDeploymentId;

    /**
     * The analyst deploys the type from Camunda Modeler, then renames a step and deploys again: Modeler sends every
     * file with "deploy changed only", so the second deployment holds the changed model alone.
     */
    @BeforeAll
    void analystDeploysTheTypeTwiceFromModeler() {
        othersBefore = others();
        Map<String, byte[]> resources = TenthType.deploymentResources();

        ResponseEntity<JsonNode> first = deploy(resources);
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("deployedProcessDefinitions").findValuesAsText("key"))
                .containsExactly(TenthType.KEY);
        assertThat(first.getBody().path("deployedDecisionDefinitions").findValuesAsText("key"))
                .containsExactlyInAnyOrder(TenthType.KEY + "-service", TenthType.KEY + "-steps",
                        TenthType.KEY + "-documents");

        Map<String, byte[]> changed = new LinkedHashMap<>(resources);
        changed.put(TenthType.MODEL, TenthType.changedModel());
        ResponseEntity<JsonNode> second = deploy(changed);
        assertThat(second.getStatusCode()).as("%s", second.getBody()).isEqualTo(HttpStatus.OK);
        secondDeploymentId = second.getBody().path("id").asText();
        assertThat(repository.getDeploymentResourceNames(secondDeploymentId)).containsExactly(TenthType.MODEL);
        assertThat(second.getBody().path("deployedProcessDefinitions").findValuesAsText("version"))
                .containsExactly("2");
        assertThat(second.getBody().path("deployedDecisionDefinitions").size()).isZero();
    }

    @Test
    void aRequestOfTheTypeRedeployedFromModelerGoesFromTheCallCentreToTheDoor() throws Exception {
        // The call centre finds the type among those on offer, named by its tables.
        ResponseEntity<JsonNode> offered = as("callcentre").getForEntity("/api/certificate-types", JsonNode.class);
        assertThat(offered.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode offeredType = find(offered.getBody(), TenthType.KEY);
        assertThat(offeredType.path("serviceName").asText()).isEqualTo(type.serviceName());
        assertThat(offeredType.path("department").asText()).isEqualTo(type.department());
        assertThat(offered.getBody().findValuesAsText("key")).contains("birth-certificate");

        // A type that is not deployed is refused, naming the types on offer: the same list.
        ResponseEntity<JsonNode> unknown = register("trade-licence", freshPhone());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("fieldErrors").path("certificateType").asText())
                .endsWith("offered: " + String.join(", ", offered.getBody().findValuesAsText("key")));

        ResponseEntity<JsonNode> registered = register(TenthType.KEY, freshPhone());
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().path("serviceName").asText()).isEqualTo(type.serviceName());
        String number = registered.getBody().path("requestNumber").asText();
        AfterRegistration.carryOn(runtime, management, number);

        // The request runs on the model of the second deployment, which calls the application's doorstep visit.
        assertThat(instancesOf(number)).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .containsExactlyInAnyOrder(TenthType.KEY, "doorstep-visit");
        assertThat(instancesOf(number)).filteredOn(instance -> instance.getProcessDefinitionKey()
                .equals(TenthType.KEY)).singleElement().satisfies(instance -> assertThat(repository
                .getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(secondDeploymentId));

        // The Mitan's checklist is the type's rows; the Mitan scans what they require (one of each group).
        JsonNode visit = singleTask("mitan.raipur", "Task_VisitCitizen", number);
        String checklist = taskService.getVariableLocal(visit.path("id").asText(), "documentChecklist").toString();
        List<RequiredDocument> documentRows = requiredDocuments.forType(TenthType.KEY);
        assertThat(documentRows).extracting(RequiredDocument::documentType).contains("holder-id", "purpose-letter");
        assertThat(checklist).contains(documentRows.stream().map(RequiredDocument::label).toList());
        List<String> uploadedTypes = requiredDocumentTypes(documentRows);
        assertThat(uploadedTypes).hasSizeLessThan(documentRows.size());
        for (String documentType : uploadedTypes) {
            upload("mitan.raipur", number, documentType, Scans.image("png"));
        }
        submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        runJobs(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);

        // The particulars go in with the type's own form, at the step the second deployment renamed.
        String holderParticular = type.holderParticular();
        Map<String, Object> particulars = particularsFor(holderParticular, "Ravi Kumar Sahu");
        JsonNode particularsTask = singleTask("mitan.raipur", "Task_RecordParticulars", number);
        // Named as the model now draws it, with the Hindi of the type's steps table: nothing in code knows the type.
        assertThat(particularsTask.path("name").asText())
                .isEqualTo("Record the permit holder's particulars (परमिट का विवरण दर्ज करें)");
        assertThat(formKeys(particularsTask)).containsExactlyInAnyOrderElementsOf(particulars.keySet());
        submit("mitan.raipur", particularsTask, particulars);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getParticulars())
                .containsEntry(holderParticular, "Ravi Kumar Sahu");

        // The roles of the steps table, at the request's body, scrutinise and decide.
        JsonNode scrutiny = claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(candidateGroups(scrutiny))
                .containsExactly(type.step("Task_ScrutiniseDocuments").orElseThrow().role() + "-RPR");
        submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        runJobs(number);
        JsonNode decision = claim("registrar.raipur", "Task_DecideApplication", number);
        assertThat(candidateGroups(decision))
                .containsExactly(type.step("Task_DecideApplication").orElseThrow().role() + "-RPR");
        submit("registrar.raipur", decision, Map.of("decision", "approved"));
        runJobs(number);

        // Issued to the holder the tables name, not to the citizen who called; stored with its hash.
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(certificate.getHolderName()).isEqualTo("Ravi Kumar Sahu").isNotEqualTo(request.getCitizenName());
        assertThat(certificate.getCertificateNumber()).matches("RPR/TEST-PERMIT/\\d{4}/\\d{6}");
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow()) {
            assertThat(Scans.sha256(stored.readAllBytes())).isEqualTo(certificate.getSha256());
        }

        // Delivered with the citizen's OTP.
        JsonNode delivery = singleTask("mitan.raipur", "Task_DeliverCertificate", number);
        submit("mitan.raipur", delivery, Map.of("deliveryOtp", latestOtp(request.getId())));
        Delivery delivered = deliveries.findByRequestId(request.getId()).orElseThrow();
        assertThat(delivered.getDeliveredAt()).isNotNull();
        assertThat(delivered.getDeliveredBy()).isEqualTo("mitan.raipur");

        JsonNode status = as("callcentre").getForEntity("/api/requests/" + number, JsonNode.class).getBody();
        assertThat(status.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(status.path("serviceName").asText()).isEqualTo(type.serviceName());
        assertThat(outbox.findByRequestIdOrderByIdAsc(request.getId())).extracting(SmsMessage::getTemplate)
                .contains("REQUEST_REGISTERED", "MITAN_ASSIGNED", "SUBMITTED", "CERTIFICATE_ISSUED", "DELIVERY_OTP",
                        "DELIVERED", "FEEDBACK_REQUEST");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void deployingTheTypeChangedNoOtherTypeAndNoSharedStep() {
        assertThat(others()).isEqualTo(othersBefore);
    }

    @Test
    void tablesWithoutTheHindiNameAreRefusedAndChangeNothing() {
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("\"परीक्षण परमिट\"", "\"\"");

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)), "serviceNameHi", "Hindi");
    }

    /**
     * A name or label in a script the certificate cannot print (here Tamil) is refused as it is deployed, naming the
     * place and the character, instead of stopping every certificate of the type at issuing.
     */
    @Test
    void tablesOrAParticularsLabelTheCertificateCannotPrintAreRefusedAndChangeNothing() {
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("\"नगर निगम (परीक्षण परमिट)\"", "\"நகராட்சி\"");
        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)),
                "table test-permit-service, the department's name in Hindi has a character the certificate cannot"
                        + " print: 'ந' (U+0BA8 TAMIL LETTER NA)");

        String form = new String(TenthType.deploymentResources().get(TenthType.PARTICULARS_FORM),
                StandardCharsets.UTF_8).replace("(परमिट का उद्देश्य)", "(அனுமதி நோக்கம்)");
        refused(Map.of(TenthType.PARTICULARS_FORM, form.getBytes(StandardCharsets.UTF_8)),
                "test-permit-particulars.form, the label of particular_purpose has a character the certificate"
                        + " cannot print");
    }

    /** A misspelt output name was reported as an empty column, whose cells the analyst could see were filled. */
    @Test
    void tablesWithAMisspeltOutputNameAreRefusedNamingTheColumn() {
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("name=\"serviceNameHi\"", "name=\"serviceNmeHi\"");
        assertThat(tables).contains("serviceNmeHi");

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)),
                "table 'test-permit-service' has no output column named serviceNameHi");
    }

    @Test
    void aFeesTableWithoutTheMitanServiceFeeIsRefusedAndChangesNothing() {
        String feesWithoutMitanService = """
                  <decision id="test-permit-fees" name="Test permit: fees">
                    <decisionTable id="DecisionTable_TestPermitFees" hitPolicy="UNIQUE">
                      <input id="Input_TestPermitFees_Fee" label="Fee">
                        <inputExpression id="InputExpression_TestPermitFees_Fee" typeRef="string"><text>fee</text></inputExpression>
                      </input>
                      <output id="Output_TestPermitFees_Rupees" name="rupees" typeRef="integer" />
                      <output id="Output_TestPermitFees_Label" name="label" typeRef="string" />
                      <output id="Output_TestPermitFees_LabelHi" name="labelHi" typeRef="string" />
                  """ + TestTypes.feeRow("permit", 200, "Permit fee", "परमिट शुल्क") + """
                    </decisionTable>
                  </decision>
                  <dmndi:DMNDI>""";
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("  <dmndi:DMNDI>", feesWithoutMitanService);

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)), "test-permit-fees",
                "no row for fee mitan-service");
    }

    @Test
    void aModelWithAStepTheTablesDoNotKnowIsRefusedAndChangesNothing() {
        String model = new String(TenthType.changedModel(), StandardCharsets.UTF_8)
                .replace("Task_RecordParticulars", "Task_RecordPermitParticulars");

        refused(Map.of(TenthType.MODEL, model.getBytes(StandardCharsets.UTF_8)), "Task_RecordPermitParticulars",
                TenthType.KEY + "-steps");
    }

    @Test
    void aTypesDeploymentMayNotCarryASharedFormNorMayAnAnalystDeployASharedProcess() throws IOException {
        Map<String, byte[]> withSharedForm = new LinkedHashMap<>();
        withSharedForm.put(TenthType.MODEL, TenthType.changedModel());
        withSharedForm.put("document-scrutiny.form", Files.readAllBytes(Path.of("forms/document-scrutiny.form")));
        refused(withSharedForm, "document-scrutiny", "comes with the application");

        refused(Map.of("doorstep-visit.bpmn", Files.readAllBytes(Path.of("processes/doorstep-visit.bpmn"))),
                "doorstep-visit", "is shared by every type and comes with the application");
    }

    @Test
    void tablesDeployedAloneMayNotCarryATableOfAnotherType() throws IOException {
        Matcher birthFees = Pattern.compile("(?s)  <decision id=\"birth-certificate-fees\".*?</decision>\n")
                .matcher(Files.readString(Path.of("processes/birth-certificate.dmn")));
        assertThat(birthFees.find()).isTrue();
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("  <dmndi:DMNDI>", birthFees.group() + "  <dmndi:DMNDI>");

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)), "more than one type",
                "birth-certificate: birth-certificate-fees", "deploy each type's files on their own");
    }

    /** The shared payment step's waits are timed by the type's steps table: tables without their rows are refused. */
    @Test
    void tablesWithoutTheRowsOfTheSharedPaymentsWaitsAreRefused() throws IOException {
        String tables = Files.readString(Path.of("processes/gumasta-licence.dmn")).replaceFirst(
                "(?s)<rule id=\"Rule_GumastaLicenceSteps_AwaitPayment\">.*?</rule>", "");

        refused(Map.of("gumasta-licence.dmn", tables.getBytes(StandardCharsets.UTF_8)),
                "gumasta-licence-steps has no row for task 'Task_AwaitPayment'");
    }

    /** The certificate names its holder by a particular of the form: tables naming another are refused. */
    @Test
    void tablesNamingAHolderParticularTheFormLacksAreRefused() {
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("<text>\"holderName\"</text>", "<text>\"ownerName\"</text>");

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)),
                "the holder's particular 'ownerName' of test-permit-service is no field of the form"
                        + " test-permit-particulars (its fields: particular_holderName, particular_purpose)");
    }

    /** The particulars form deployed alone must keep the field the tables name the holder by. */
    @Test
    void aParticularsFormWithoutTheHoldersFieldIsRefused() {
        String form = new String(TenthType.deploymentResources().get(TenthType.PARTICULARS_FORM),
                StandardCharsets.UTF_8).replace("\"particular_holderName\"", "\"particular_ownerName\"");

        refused(Map.of(TenthType.PARTICULARS_FORM, form.getBytes(StandardCharsets.UTF_8)),
                "the holder's particular 'holderName' of test-permit-service is no field of the form"
                        + " test-permit-particulars (its fields: particular_ownerName, particular_purpose)");
    }

    /** A late-registration step counts from a date among the particulars, with its own table: both are checked. */
    @Test
    void aRegistrationDelayStepWithoutItsTableOrItsDateFieldIsRefused() {
        String model = new String(TenthType.changedModel(), StandardCharsets.UTF_8).replace("</bpmn:process>", """
                    <bpmn:serviceTask id="Task_WorkOutRegistrationDelay"
                        camunda:delegateExpression="${registrationDelay}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="eventParticular">dateOfIssue</camunda:inputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>
                  </bpmn:process>""");

        refused(Map.of(TenthType.MODEL, model.getBytes(StandardCharsets.UTF_8)),
                "needs the decision 'test-permit-registration-delay'",
                "counts from the particular 'dateOfIssue' (input eventParticular), which is no field of the form");
    }

    /** A file Camunda cannot read is refused with 400 naming it, line and column, never a 500 from the engine. */
    @Test
    void filesCamundaCannotReadAreRefusedNamingTheFileAndTheLine() {
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replaceFirst("</decisionTable>", "</decisionTabl>");
        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)),
                "test-permit.dmn is not well-formed XML at line 44", "open it in Camunda Modeler");

        String model = new String(TenthType.changedModel(), StandardCharsets.UTF_8)
                .replace("</bpmn:process>", "</bpmn:proces>");
        refused(Map.of(TenthType.MODEL, model.getBytes(StandardCharsets.UTF_8)),
                "test-permit.bpmn is not well-formed XML at line");

        refused(Map.of(TenthType.PARTICULARS_FORM, "{ \"id\": \"test-permit-particulars\", \"components\": ["
                .getBytes(StandardCharsets.UTF_8)), "test-permit-particulars.form is not a form Camunda can read");
    }

    /** Camunda refuses a decision without a history time to live as "Unable to transform" (500): said plainly. */
    @Test
    void aDecisionWithoutItsHistoryTimeToLiveIsRefusedSayingSo() {
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replaceFirst(" camunda:historyTimeToLive=\"P3650D\"", "");

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)),
                "decision 'test-permit-service' has no History time to live");
    }

    /**
     * A FEEL text with a typo in a table the requests evaluate (here the rules on the particulars) was deployed and
     * then failed the Mitan's particulars form with an engine error (500); it is refused at deployment, named.
     */
    @Test
    void aTableWhoseFeelDoesNotParseIsRefusedNamingTheDecisionAndTheText() {
        String rules = """
                  <decision id="test-permit-particulars-rules" name="Rules" camunda:historyTimeToLive="P3650D">
                    <decisionTable id="DecisionTable_TestPermitRules" hitPolicy="COLLECT">
                      <input id="Input_TestPermitRules_Purpose" label="Purpose">
                        <inputExpression id="InputExpression_TestPermitRules_Purpose" typeRef="string">
                          <text>purpos e +</text>
                        </inputExpression>
                      </input>
                      <output id="Output_TestPermitRules_Field" name="field" typeRef="string" />
                      <output id="Output_TestPermitRules_Message" name="message" typeRef="string" />
                      <output id="Output_TestPermitRules_MessageHi" name="messageHi" typeRef="string" />
                      <rule id="Rule_TestPermitRules_NoPurpose">
                        <inputEntry id="InputEntry_TestPermitRules_NoPurpose"><text>"none</text></inputEntry>
                        <outputEntry id="OutputEntry_TestPermitRules_Field"><text>"purpose"</text></outputEntry>
                        <outputEntry id="OutputEntry_TestPermitRules_Message"><text>"Say why"</text></outputEntry>
                        <outputEntry id="OutputEntry_TestPermitRules_MessageHi"><text>"कारण बताएं"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                  <dmndi:DMNDI>""";
        String tables = new String(TenthType.deploymentResources().get(TenthType.TABLES), StandardCharsets.UTF_8)
                .replace("  <dmndi:DMNDI>", rules);

        refused(Map.of(TenthType.TABLES, tables.getBytes(StandardCharsets.UTF_8)),
                "decision 'test-permit-particulars-rules', input 'Purpose': the FEEL 'purpos e +' does not parse",
                "rule 'Rule_TestPermitRules_NoPurpose': the FEEL '\"none' does not parse");
    }

    /**
     * Modeler's deploy dialog offers a Tenant ID. A type deployed for a tenant beside the same type without one gave
     * its key two latest versions: the catalogue of every type and the call centre's registration failed (500).
     */
    @Test
    void aDeploymentForATenantIsRefused() {
        refused(() -> deploy(Map.of(TenthType.MODEL, TenthType.changedModel()), "korba"),
                "made for the tenant 'korba'", "leave the Tenant ID empty");
    }

    /** A fixed group is every urban body's (a Raipur clerk would get Korba's work) or nobody's: refused. */
    @Test
    void anOfficersStepOfferedToAFixedGroupIsRefused() {
        String model = new String(TenthType.changedModel(), StandardCharsets.UTF_8)
                .replace("camunda:assignee=\"${assignedMitan.userId(execution)}\"",
                        "camunda:candidateGroups=\"clerk-RPR\"");
        assertThat(model).contains("candidateGroups=\"clerk-RPR\"");

        refused(Map.of(TenthType.MODEL, model.getBytes(StandardCharsets.UTF_8)),
                "camunda:candidateGroups names 'clerk-RPR' itself", "${steps.group(execution)}");
    }

    /** A reminder timed by a fixed value of seconds, or repeating without end, floods the supervisor with SMS. */
    @Test
    void aTimerThatFiresTooOftenIsRefused() {
        String model = new String(TenthType.changedModel(), StandardCharsets.UTF_8);
        String seconds = model.replaceFirst("\\$\\{steps.reminder\\(execution\\)}", "PT30S");
        refused(Map.of(TenthType.MODEL, seconds.getBytes(StandardCharsets.UTF_8)),
                "the timer 'PT30S' fires after less than an hour", "${steps.reminder(execution)}");

        String endless = model.replaceFirst(
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">\\$\\{steps.reminder\\(execution\\)}"
                        + "</bpmn:timeDuration>",
                "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R/P1D</bpmn:timeCycle>");
        assertThat(endless).contains("R/P1D");
        refused(Map.of(TenthType.MODEL, endless.getBytes(StandardCharsets.UTF_8)),
                "the timer cycle 'R/P1D' repeats without end");
    }

    /** The deployment is refused with 400 naming what to fix; no deployment is stored and nothing changes. */
    private void refused(Map<String, byte[]> files, String... named) {
        refused(() -> deploy(files), named);
    }

    private void refused(Supplier<ResponseEntity<JsonNode>> deployment, String... named) {
        long deployments = repository.createDeploymentQuery().count();
        Map<String, Object> before = others();
        Object typeBefore = catalogue.find(TenthType.KEY).orElseThrow();
        String latestBefore = latestDefinitionId(TenthType.KEY);

        ResponseEntity<JsonNode> response = deployment.get();

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("message").asText()).contains(named);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(others()).isEqualTo(before);
        assertThat(catalogue.find(TenthType.KEY)).contains((CertificateType) typeBefore);
        assertThat(latestDefinitionId(TenthType.KEY)).isEqualTo(latestBefore);
    }

    /** The birth and caste types and the shared steps as they stand: their latest definitions and tables. */
    private Map<String, Object> others() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String key : List.of("birth-certificate", "caste-certificate", "doorstep-visit", "home-delivery")) {
            state.put(key, latestDefinitionId(key));
        }
        state.put("birth tables", catalogue.type("birth-certificate").orElseThrow());
        state.put("caste tables", catalogue.type("caste-certificate").orElseThrow());
        state.put("birth documents", requiredDocuments.forType("birth-certificate"));
        return state;
    }

    private String latestDefinitionId(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getId();
    }

    /** Deploys as Camunda Modeler does: as the analyst, under the type's name, "deploy changed only". */
    private ResponseEntity<JsonNode> deploy(Map<String, byte[]> files) {
        return deploy(files, null);
    }

    /** Deploys as Camunda Modeler does, with the Tenant ID its deploy dialog offers filled in when one is given. */
    private ResponseEntity<JsonNode> deploy(Map<String, byte[]> files, String tenantId) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", TenthType.KEY);
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        if (tenantId != null) {
            form.add("tenant-id", tenantId);
        }
        files.forEach((name, content) -> form.add(name, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("analyst").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers),
                JsonNode.class);
    }

    /** One of each mandatory line of the rows: a single document, or the first alternative of a "one of" group. */
    private static List<String> requiredDocumentTypes(List<RequiredDocument> rows) {
        return RequiredDocuments.requirements(rows).stream()
                .filter(DocumentRequirement::mandatory)
                .map(requirement -> requirement.alternatives().get(0).documentType())
                .toList();
    }

    /** A value for every particular of the type's form; the holder's particular gets the holder's name. */
    private Map<String, Object> particularsFor(String holderParticular, String holderName) throws IOException {
        Map<String, Object> values = new HashMap<>();
        for (String key : json.readTree(TenthType.classpath(TenthType.FOLDER + TenthType.PARTICULARS_FORM))
                .findValuesAsText("key")) {
            values.put(key, key.equals("particular_" + holderParticular) ? holderName : "Stall at the Raipur fair");
        }
        assertThat(values).containsKey("particular_" + holderParticular);
        return values;
    }

    /** The keys of the fields of the form the task shows, as Tasklist fetches it. */
    private List<String> formKeys(JsonNode task) throws IOException {
        ResponseEntity<String> form = as("mitan.raipur").getForEntity("/engine-rest/task/{id}/deployed-form",
                String.class, task.path("id").asText());
        assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(form.getBody()).findValuesAsText("key");
    }

    private List<HistoricProcessInstance> instancesOf(String number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list();
    }

    private List<String> candidateGroups(JsonNode task) {
        return JourneySteps.candidateGroups(taskService, task);
    }

    private static JsonNode find(JsonNode types, String key) {
        for (JsonNode type : types) {
            if (type.path("key").asText().equals(key)) {
                return type;
            }
        }
        throw new AssertionError(key + " is not among " + types);
    }

    private ResponseEntity<JsonNode> register(String certificateType, String phone) {
        return as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", certificateType, "bodyCode", "RPR", "ward", 12,
                "citizenName", "Sunita Sahu", "citizenPhone", phone,
                "address", "House 7, Budhapara, Raipur", "preferredVisitWindow", "AFTERNOON",
                "language", "en"), JsonNode.class);
    }

    private static String freshPhone() {
        return "8" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private JsonNode singleTask(String user, String taskKey, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={number}", JsonNode.class,
                taskKey, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).as("%s sees one %s", user, taskKey).hasSize(1);
        return tasks.getBody().get(0);
    }

    private JsonNode claim(String user, String taskKey, String number) {
        JsonNode task = singleTask(user, taskKey, number);
        ResponseEntity<String> claimed = as(user).postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", user), String.class, task.path("id").asText());
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return task;
    }

    private void submit(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", variables), String.class, task.path("id").asText());
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private void upload(String user, String number, String documentType, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", documentType);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return documentType + ".png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = as(user).postForEntity("/api/requests/{number}/documents",
                new HttpEntity<>(form, headers), String.class, number);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Runs the jobs that are due in the request's process instances (the certificate's and its call activities'). */
    private void runJobs(String number) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
                .toList();
        assertThat(jobs).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    private String latestOtp(Long requestId) {
        SmsMessage sms = outbox.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(message -> message.getTemplate().equals("DELIVERY_OTP"))
                .reduce((first, second) -> second).orElseThrow();
        Matcher matcher = OTP.matcher(sms.getBody());
        assertThat(matcher.find()).as(sms.getBody()).isTrue();
        return matcher.group(1);
    }
}
