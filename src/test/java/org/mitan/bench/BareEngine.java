package org.mitan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;

/**
 * The bare engine of the benchmark: a plain Camunda engine (history full, job executor on, no authorization) on the
 * same PostgreSQL, running the application's own models from {@code processes/} and {@code forms/} with every
 * delegate, listener and expression bean replaced by one that does nothing (or answers a constant), driven through
 * the Java API the way the load client drives the application through HTTP. What the application costs beyond this
 * is ours. {@code java ... BareEngine <jdbc-url> <repository-dir> <out-dir> [--quick]}.
 */
public final class BareEngine {

    private static final AtomicLong NUMBERS = new AtomicLong();

    private final ProcessEngine engine;

    BareEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    public static void main(String[] args) {
        Exits.after(BareEngine::measure, args);
    }

    private static void measure(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        long started = System.nanoTime();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(args[0]);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setBeans(new HashMap<>(noOpBeans()));
        ProcessEngine engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare");
        Path repository = Path.of(args[1]);
        try (Stream<Path> files = Stream.concat(Files.list(repository.resolve("processes")),
                Files.list(repository.resolve("forms")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            }
        }
        deployment.deploy();
        double startupSeconds = (System.nanoTime() - started) / 1e9;
        BareEngine bare = new BareEngine(engine);
        Map<String, String> results = new LinkedHashMap<>();
        results.put("startup.seconds", LoadClient.format(startupSeconds));
        // the engine and its driver share this JVM
        long self = ProcessHandle.current().pid();
        if (quick) {
            bare.lifecycles(2, 3);
        } else {
            System.out.println("bare " + WarmUp.untilJitSettles(seconds -> bare.lifecycles(2, seconds), self, results)
                    .describe());
        }
        bare.deleteFinishedHistory();
        String login = args[0] + "&password=postgres";   // the URL names the user
        long dbBefore = LoadClient.databaseBytes(login);
        int finished = 0;
        ProcessCpu.Meters cpu = new ProcessCpu.Meters().add("application", () -> ProcessCpu.of(self))
                .add("postgres", () -> ProcessCpu.postgres(Path.of(args[2]).resolve("postgres")));
        StatementStats statements = StatementStats.of(login);
        if (statements != null) {
            statements.reset();
        }
        for (int users : new int[] {1, 4, 16}) {
            Map<String, Double> cpuBefore = cpu.read();
            double jitBefore = ProcessCpu.compilers(self);
            Wal walBefore = Wal.read(login);
            long start = System.nanoTime();
            int done = bare.lifecycles(users, quick ? 5 : 30);
            double seconds = (System.nanoTime() - start) / 1e9;
            finished += done;
            results.put("lifecycles." + users, LoadClient.format(done / seconds));
            System.out.printf("bare lifecycles at %d users: %d in %.1f s, load %s%n", users, done, seconds,
                    LoadClient.load());
            System.out.println("bare " + LoadClient.cpuPer("lifecycle at " + users + " users", "cpu." + users,
                    ProcessCpu.Meters.perWork(cpuBefore, cpu.read(), done), results)
                    + LoadClient.jitPer(users, ProcessCpu.compilers(self) - jitBefore, done, results));
            System.out.println("bare " + Wal.read(login).perWork(walBefore, done, "lifecycle at " + users + " users",
                    "wal." + users, results));
        }
        if (statements != null) {
            System.out.println("bare PostgreSQL per lifecycle, the busiest statements (pg_stat_statements):");
            statements.report(finished, 15, results).forEach(line -> System.out.println("bare " + line));
        }
        // the same models' history as the engine writes it (Camunda's own 36-character ids, not the application's)
        long dbAfter = LoadClient.databaseBytes(login);
        results.put("db.bytesPerLifecycle", Long.toString((dbAfter - dbBefore) / Math.max(1, finished)));
        bare.deleteFinishedHistory();
        results.put("db.bytesPerLifecycleAfterCleanup",
                Long.toString((LoadClient.databaseBytes(login) - dbBefore) / Math.max(1, finished)));
        for (int rate : new int[] {10, 25, 50}) {
            Figures latencies = bare.registrations(rate, quick ? 4 : 30);
            results.put("registration." + rate + ".p50", LoadClient.format(latencies.percentile(50)));
            results.put("registration." + rate + ".p99", LoadClient.format(latencies.percentile(99)));
        }
        Properties properties = new Properties();
        results.forEach(properties::setProperty);
        try (var writer = Files.newBufferedWriter(Path.of(args[2]).resolve("bare.properties"))) {
            properties.store(writer, "Mitan benchmark, bare engine");
        }
        engine.close();
    }

    /** What history cleanup does to finished requests: their history, and their called processes', deleted. */
    void deleteFinishedHistory() {
        HistoryService history = engine.getHistoryService();
        List<String> finished;
        while (!(finished = history.createHistoricProcessInstanceQuery().finished().listPage(0, 1_000).stream()
                .map(HistoricProcessInstance::getId).toList()).isEmpty()) {
            history.deleteHistoricProcessInstancesBulk(finished);
        }
    }

    /** Every bean the models name, doing nothing; the ones asked for a value answer what the journey needs. */
    static Map<String, Object> noOpBeans() {
        NoOp noOp = new NoOp();
        Map<String, Object> beans = new HashMap<>();
        for (String name : List.of("sendSms", "registerRequest", "issueCertificate", "homeDelivery",
                "submitToSingleWindow", "assignMitan", "captureParticulars", "requestSummaryListener",
                "documentChecklistListener", "requestPayment", "paymentNotice", "linkCorrectedCertificate",
                "askCorrections", "enterPaperEntry")) {
            beans.put(name, noOp);
        }
        beans.put("verifyDocuments", (JavaDelegate) execution -> execution.setVariable("documentsVerified", true));
        beans.put("registrationDelay", (JavaDelegate) execution -> {
            execution.setVariable("registrationPath", "registrar");
            execution.setVariable("registrationDocumentsComplete", true);
        });
        beans.put("steps", new Steps());
        beans.put("assignedMitan", new AssignedMitan());
        beans.put("requestStatus", new RequestStatus());
        return beans;
    }

    /** One lifecycle: the same steps and form values as the load client's, through the Java API. */
    void lifecycle() throws InterruptedException {
        String number = register();
        complete(awaitTask("Task_VisitCitizen", number), Map.of("visitOutcome", "collected"));
        complete(awaitTask("Task_RecordParticulars", number), Map.of("particular_childName", "Aarav Sahu"));
        Task scrutiny = awaitTask("Task_ScrutiniseDocuments", number);
        engine.getTaskService().claim(scrutiny.getId(), "clerk.raipur");
        complete(scrutiny, Map.of("scrutinyOutcome", "accepted"));
        Task decision = awaitTask("Task_DecideApplication", number);
        engine.getTaskService().claim(decision.getId(), "registrar.raipur");
        complete(decision, Map.of("decision", "approved"));
        complete(awaitTask("Task_DeliverCertificate", number), Map.of("deliveryOtp", "123456"));
    }

    String register() {
        String number = "RPR-BARE-" + NUMBERS.incrementAndGet();
        engine.getRuntimeService().startProcessInstanceByKey("birth-certificate", number,
                Map.of("requestNumber", number));
        return number;
    }

    Task awaitTask(String key, String number) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<Task> tasks = engine.getTaskService().createTaskQuery().taskDefinitionKey(key)
                    .processInstanceBusinessKey(number).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("never saw " + key + " of " + number);
    }

    void complete(Task task, Map<String, Object> values) {
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    int lifecycles(int users, int seconds) throws InterruptedException {
        return Users.repeat(users, seconds, this::lifecycle);
    }

    /** Process starts at a fixed rate (open loop), on up to 64 threads as a web server would run them. */
    Figures registrations(int perSecond, int seconds) throws Exception {
        Figures latencies = new Figures();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        List<CompletableFuture<?>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < perSecond * seconds; i++) {
            long planned = start + i * periodNanos;
            clock.schedule(() -> sent.add(CompletableFuture.runAsync(() -> {
                register();
                latencies.add((System.nanoTime() - planned) / 1e6);
            }, workers)), planned - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 10L, TimeUnit.SECONDS);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        workers.shutdown();
        return latencies;
    }

    /** A delegate and a listener that do nothing. */
    static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }
    }

    /** {@code steps}: Raipur's clerk and registrar, three days, a legal time limit of seven days. */
    public static final class Steps {
        public String group(DelegateExecution execution) {
            String activity = execution.getCurrentActivityId();
            return "Task_DecideApplication".equals(activity) ? "registrar-RPR" : "clerk-RPR";
        }

        public Date dueDate(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(3));
        }

        public String reminder(DelegateExecution execution) {
            return "P3D";
        }

        public String reminder(DelegateExecution execution, String taskId) {
            return "P3D";
        }

        public String legalTimeLimit(DelegateExecution execution) {
            return "P7D";
        }

        public int maxVisits(DelegateExecution execution) {
            return 3;
        }
    }

    /** {@code assignedMitan}: always Raipur's first Mitan. */
    public static final class AssignedMitan {
        public String userId(DelegateExecution execution) {
            return "mitan.raipur";
        }
    }

    /** {@code requestStatus}: moves nothing. */
    public static final class RequestStatus {
        public void move(DelegateExecution execution, String status) {
        }
    }
}
