package org.mitan.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The benchmark's load client: drives a running Mitan through its APIs as the demo users (the calls of
 * {@code BirthCertificateJourneyIT}, from the call centre to the door), measures, and prints the table with the bare
 * engine's figures beside the application's. {@code java ... LoadClient <base-url> <jdbc-url> <out-dir> [--quick]}.
 */
public final class LoadClient {

    /** The OTP in a delivery SMS, English or Hindi (the outbox masks it as {@code ******} once it is sent). */
    private static final Pattern OTP = Pattern.compile("OTP (\\d{6})");
    /** A logged SMS with an OTP, and its request number. */
    private static final Pattern LOGGED_OTP = Pattern.compile("LoggingSmsGateway.*OTP (\\d{6}).*?([A-Z]+-\\d{4}-\\d{6})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong PHONES = new AtomicLong(600_000_000L + new Random().nextInt(300_000_000));

    /**
     * The child's particulars, as the Mitan fills them in: a birth three days ago, so every lifecycle takes the
     * registrar's path (a birth reported after 21 days needs the commissioner's permission as well).
     */
    static final Map<String, Object> PARTICULARS = Map.of("particular_childName", "Aarav Sahu",
            "particular_sex", "Male", "particular_dateOfBirth",
            LocalDate.now(ZoneId.of("Asia/Kolkata")).minusDays(3).toString(),
            "particular_placeOfBirth", "District Hospital, Raipur", "particular_motherName", "Kamla Sahu",
            "particular_fatherName", "Mohan Sahu", "particular_informantName", "Mohan Sahu",
            "particular_informantRelation", "father");

    /** The value of {@code bench.profile.phase} that profiles the registrations instead of the lifecycles. */
    static final String REGISTRATIONS = "registrations";

    private final String base;
    private final String jdbcUrl;
    private final Path appLog;
    private final Map<String, String> loggedOtps = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The connection that reads the outbox, kept open and shared by the users (a lookup takes a fraction of a
     * millisecond): a connection per lookup made PostgreSQL start a process, fill its caches and plan the query anew
     * each time, which the benchmark counted as the database's work.
     */
    private Connection outbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(32)).build();

    LoadClient(String base, String jdbcUrl, Path appLog) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.appLog = appLog;
    }

    public static void main(String[] args) {
        Exits.after(LoadClient::measure, args);
    }

    private static void measure(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(args[2]);
        LoadClient client = new LoadClient(args[0], args[1], out.resolve("app.log"));
        Map<String, String> results = client.run(quick, CpuProfile.fromSystemProperties(), out);
        Properties properties = new Properties();
        results.forEach(properties::setProperty);
        try (var writer = Files.newBufferedWriter(out.resolve("app.properties"))) {
            properties.store(writer, "Mitan benchmark, application");
        }
    }

    /**
     * @param profile when not {@code null}, a CPU profile of the application during the lifecycles at 1, 4 and 16
     *                users (or the registrations, see {@link Profiling}), written to {@code app-cpu.collapsed} in
     *                {@code out}
     */
    Map<String, String> run(boolean quick, CpuProfile profile, Path out) throws Exception {
        Map<String, String> results = new LinkedHashMap<>();
        // --quick stays under three minutes, the build included (issue 11): 8 s of lifecycles and 5 s of each
        // registration rate, against a minute and 30 s in full
        int lifecycleSeconds = quick ? 8 : 60;
        int registrationSeconds = quick ? 5 : 30;
        int uploads = quick ? 20 : 200;
        // 10,000 as well in full: the size at which the task query's plan once compared every task with every grant
        int[] openTasks = quick ? new int[] {2_000} : new int[] {10_000, 100_000};
        long application = applicationPid();
        if (quick) {
            lifecycles(2, 5);
        } else {
            System.out.println(WarmUp.untilJitSettles(seconds -> lifecycles(2, seconds), application, results)
                    .describe());
        }
        // The warm-up's finished history goes first: deleted with the measured lifecycles' below, it made the size
        // "after history cleanup" smaller than the size before them (-22 KB per lifecycle after a two-minute warm-up).
        deleteFinishedHistory();
        long dbBefore = databaseBytes(jdbcUrl);
        Map<String, Long> tablesBefore = tableBytes();
        int finished = 0;
        ProcessCpu.Meters cpu = meters(out);
        StatementStats statements = StatementStats.of(jdbcUrl);
        boolean onRegistrations = REGISTRATIONS.equals(System.getProperty("bench.profile.phase"));
        Profiling profiling = new Profiling(profile, statements, out);
        if (!onRegistrations) {
            profiling.start();
        }
        for (int users : new int[] {1, 4, 16}) {
            Map<String, Double> cpuBefore = cpu.read();
            double jitBefore = ProcessCpu.compilers(application);
            Wal walBefore = Wal.read(jdbcUrl);
            long start = System.nanoTime();
            int done = lifecycles(users, lifecycleSeconds);
            double seconds = (System.nanoTime() - start) / 1e9;
            finished += done;
            results.put("lifecycles." + users, format(done / seconds));
            System.out.printf("lifecycles at %d users: %d in %.1f s, load %s%n", users, done, seconds, load());
            System.out.println(cpuPer("lifecycle at " + users + " users", "cpu." + users,
                    ProcessCpu.Meters.perWork(cpuBefore, cpu.read(), done), results)
                    + jitPer(users, ProcessCpu.compilers(application) - jitBefore, done, results));
            System.out.println(Wal.read(jdbcUrl).perWork(walBefore, done, "lifecycle at " + users + " users",
                    "wal." + users, results));
        }
        if (!onRegistrations) {
            profiling.stop("lifecycle", finished, results);
        }
        long dbAfter = databaseBytes(jdbcUrl);
        Map<String, Long> tablesAfter = tableBytes();
        int lifecyclesDone = Math.max(1, finished);
        for (String table : new String[] {"act_hi_detail", "act_hi_varinst", "act_hi_actinst"}) {
            System.out.println(table + " row bytes by " + (table.equals("act_hi_actinst") ? "activity type" : "variable")
                    + " (largest): " + rowBytes(table, table.equals("act_hi_actinst") ? "act_type_" : "name_"));
        }
        System.out.println("bytes per lifecycle by table (largest): " + tablesAfter.entrySet().stream()
                .map(table -> Map.entry(table.getKey(),
                        (table.getValue() - tablesBefore.getOrDefault(table.getKey(), 0L)) / lifecyclesDone))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(table -> table.getKey() + " " + table.getValue()).toList());
        results.put("db.bytesPerLifecycle", Long.toString((dbAfter - dbBefore) / Math.max(1, finished)));
        deleteFinishedHistory();
        long dbCleaned = databaseBytes(jdbcUrl);
        results.put("db.bytesPerLifecycleAfterCleanup", Long.toString((dbCleaned - dbBefore) / Math.max(1, finished)));
        if (onRegistrations) {
            profiling.start();
        }
        int registered = 0;
        for (int rate : new int[] {10, 25, 50}) {
            Map<String, Double> cpuBefore = cpu.read();
            long start = System.nanoTime();
            java.time.Instant started = java.time.Instant.now();
            List<Registration> sent = java.util.Collections.synchronizedList(new ArrayList<>());
            Figures latencies = registrations(rate, registrationSeconds, sent);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpuAfter = cpu.read();
            results.put("registration." + rate + ".p50", format(latencies.percentile(50)));
            results.put("registration." + rate + ".p99", format(latencies.percentile(99)));
            // the jobs after the save points not run yet: a backlog that grew would make the CPU below look smaller
            System.out.printf("registrations at %d/s: %d, p50 %.0f ms, p99 %.0f ms, jobs waiting %d, load %s%n",
                    rate, latencies.count(), latencies.percentile(50), latencies.percentile(99), jobsWaiting(),
                    load());
            System.out.println(Registration.tail(sent, 99));
            Registration.write(sent, started, out.resolve("registrations-" + rate + ".csv"));
            // the work after each registration's save point included, as far as it ran within the phase
            Map<String, Double> each = ProcessCpu.Meters.perWork(cpuBefore, cpuAfter, latencies.count());
            double cores = each.values().stream().mapToDouble(Double::doubleValue).sum() * latencies.count() / 1000
                    / seconds;
            System.out.printf("%s; the cores busy: %.2f%n", cpuPer("registration at " + rate + "/s",
                    "cpu.registration." + rate, each, results), cores);
            registered += latencies.count();
        }
        if (onRegistrations) {
            profiling.stop("registration", registered, results);
        }
        Figures upload = uploads(uploads);
        results.put("upload.2mb.p99", format(upload.percentile(99)));
        results.put("upload.count", Integer.toString(upload.count()));
        List<String> sizes = new ArrayList<>();
        for (int open : openTasks) {
            Figures taskList = taskList(open, quick ? 10 : 40);
            results.put("tasklist." + open + ".p95", format(taskList.percentile(95)));
            sizes.add(Integer.toString(open));
        }
        results.put("tasklist.sizes", String.join(",", sizes));
        results.put("load.end", load());
        return results;
    }

    /**
     * The CPU profile and the statement statistics, when asked for, over one kind of phase: the lifecycles, or with
     * {@code bench.profile.phase=registrations} ({@code BENCH_PROFILE=registrations}) the registrations at 10, 25 and
     * 50 a second, where a registration's own cost is not hidden by the rest of the journey.
     */
    private record Profiling(CpuProfile profile, StatementStats statements, Path out) {

        void start() throws Exception {
            if (profile != null) {
                profile.start();
            }
            if (statements != null) {
                statements.reset();
            }
        }

        /**
         * Writes the profile to {@code app-cpu.collapsed} and every statement to {@code statements-per-<work>.txt};
         * prints the busiest statements per piece of work. Only
         * the lifecycles' statement totals go to the table, whose rows compare them with the bare engine's.
         */
        void stop(String work, int done, Map<String, String> results) throws Exception {
            if (profile != null) {
                profile.stopInto(out.resolve("app-cpu.collapsed"));
            }
            if (statements != null) {
                System.out.println("PostgreSQL per " + work + ", the busiest statements (pg_stat_statements):");
                Map<String, String> totals = new LinkedHashMap<>();
                List<String> all = statements.report(done, Integer.MAX_VALUE, totals);
                Files.write(out.resolve("statements-per-" + work + ".txt"), all);
                all.stream().limit(15).forEach(System.out::println);
                totals.forEach((key, value) -> System.out.println("  " + key + " per " + work + ": " + value));
                if (work.equals("lifecycle")) {
                    results.putAll(totals);
                }
            }
        }
    }

    /**
     * The processes whose CPU a lifecycle uses: the application ({@code bench.pid}), PostgreSQL (its data directory
     * in {@code out}), the S3 server's JVM ({@code bench.infra.pid}) and this client.
     */
    static ProcessCpu.Meters meters(Path out) {
        ProcessCpu.Meters meters = new ProcessCpu.Meters();
        long application = applicationPid();
        if (application > 0) {
            meters.add("application", () -> ProcessCpu.of(application));
        }
        meters.add("postgres", () -> ProcessCpu.postgres(out.resolve("postgres")));
        String store = System.getProperty("bench.infra.pid");
        if (store != null) {
            meters.add("store", () -> ProcessCpu.of(Long.parseLong(store)));
        }
        long client = ProcessHandle.current().pid();
        meters.add("client", () -> ProcessCpu.of(client));
        return meters;
    }

    /** The application's process id ({@code bench.pid}), or -1 when the client was started without it. */
    static long applicationPid() {
        String pid = System.getProperty("bench.pid");
        return pid == null ? -1 : Long.parseLong(pid);
    }

    /**
     * Puts the milliseconds of the JVM's JIT compilers per lifecycle into the results ({@code cpu.<users>.jit}):
     * part of the JVM's CPU, shown so that a measured phase can be told from a JVM still compiling.
     */
    static String jitPer(int users, double seconds, int lifecycles, Map<String, String> results) {
        double milliseconds = 1000 * seconds / Math.max(1, lifecycles);
        results.put("cpu." + users + ".jit", format(milliseconds));
        return "; the JIT compilers (in the application's JVM) " + format(milliseconds);
    }

    /**
     * Puts the milliseconds of CPU per piece of work into the results ({@code <key>.<process>}); gives a line
     * ("CPU per lifecycle at 16 users (ms): application ...").
     */
    static String cpuPer(String work, String key, Map<String, Double> milliseconds, Map<String, String> results) {
        milliseconds.forEach((process, ms) -> results.put(key + "." + process, format(ms)));
        return "CPU per " + work + " (ms): " + milliseconds.entrySet().stream()
                .map(process -> process.getKey() + " " + format(process.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    // ---- the journey ----------------------------------------------------------------------------------------

    /** Full lifecycles by {@code users} users, each starting new ones until the time is up; gives those finished. */
    int lifecycles(int users, int seconds) throws InterruptedException {
        return Users.repeat(users, seconds, this::lifecycle);
    }

    /** One birth certificate from the call centre to the door, as in {@code BirthCertificateJourneyIT}. */
    void lifecycle() throws Exception {
        String number = requestAtScrutiny();
        JsonNode scrutiny = awaitTask("clerk.raipur", "Task_ScrutiniseDocuments", number);
        claim("clerk.raipur", scrutiny);
        submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        JsonNode decision = awaitTask("registrar.raipur", "Task_DecideApplication", number);
        claim("registrar.raipur", decision);
        submit("registrar.raipur", decision, Map.of("decision", "approved"));
        JsonNode delivery = awaitTask("mitan.raipur", "Task_DeliverCertificate", number);
        submit("mitan.raipur", delivery, Map.of("deliveryOtp", otp(number)));
    }

    /** A request registered, visited with three scans and its particulars recorded: at the clerk's scrutiny. */
    String requestAtScrutiny() throws Exception {
        String number = register();
        JsonNode visit = awaitTask("mitan.raipur", "Task_VisitCitizen", number);
        upload(number, "birth-report", "birth-report.pdf", "application/pdf", pdf(number));
        upload(number, "parent-id", "id.png", "image/png", image(number.hashCode(), 40));
        upload(number, "address-proof", "proof.png", "image/png", image(number.hashCode() + 1, 40));
        submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        submit("mitan.raipur", awaitTask("mitan.raipur", "Task_RecordParticulars", number), PARTICULARS);
        return number;
    }

    String register() throws IOException, InterruptedException {
        HttpResponse<String> response = send(registration());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("requestNumber").asText();
    }

    HttpRequest registration() throws IOException {
        Map<String, Object> body = Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Kamla Sahu", "citizenPhone", Long.toString(9_000_000_000L + PHONES.incrementAndGet()
                        % 1_000_000_000L),
                "address", "House 3, Tatibandh, Raipur", "preferredVisitWindow", "MORNING", "language", "hi");
        return as("callcentre", "/api/requests").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    JsonNode awaitTask(String user, String key, String number) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String query = "/engine-rest/task?taskDefinitionKey=" + key + "&processInstanceBusinessKey="
                + URLEncoder.encode(number, StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(as(user, query).GET().build());
            JsonNode tasks = JSON.readTree(response.body());
            if (tasks.isArray() && tasks.size() > 0) {
                return tasks.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(user + " never saw " + key + " of " + number);
    }

    void claim(String user, JsonNode task) throws Exception {
        expect(send(as(user, "/engine-rest/task/" + task.path("id").asText() + "/claim")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\"}")).build()), "claim");
    }

    void submit(String user, JsonNode task, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        expect(send(as(user, "/engine-rest/task/" + task.path("id").asText() + "/submit-form")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("variables", variables))))
                .build()), "submit " + task.path("taskDefinitionKey").asText());
    }

    void upload(String number, String type, String fileName, String contentType, byte[] content) throws Exception {
        expect(send(uploadRequest(number, type, fileName, contentType, content)), "upload " + type);
    }

    HttpRequest uploadRequest(String number, String type, String fileName, String contentType, byte[] content) {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as("mitan.raipur", "/api/requests/" + number + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /**
     * The delivery OTP as the citizen gets it: from the SMS outbox while it waits there, else from the application
     * log, which is the SMS channel of the {@code log} mode (the outbox masks the OTP once it is sent).
     */
    String otp(String number) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String otp = otpIfSent(number);
            if (otp != null) {
                return otp;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no OTP for " + number);
    }

    /** Asynchronous continuations due and not finished (running ones included); no timer is counted. */
    private long jobsWaiting() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement();
                ResultSet waiting = sql.executeQuery("select count(*) from act_ru_job where type_ = 'message'"
                        + " and retries_ > 0 and (duedate_ is null or duedate_ <= now())")) {
            waiting.next();
            return waiting.getLong(1);
        }
    }

    private Connection outboxReader() throws SQLException {
        if (outbox == null || outbox.isClosed()) {
            outbox = DriverManager.getConnection(jdbcUrl);
        }
        return outbox;
    }

    /** The request's delivery OTP if its SMS is in the outbox and the OTP is there or in this node's log; else null. */
    synchronized String otpIfSent(String number) throws Exception {
        try (PreparedStatement query = outboxReader().prepareStatement("""
                        select m.body from sms_message m join service_request r on r.id = m.request_id
                        where r.request_number = ? and m.template = 'DELIVERY_OTP' order by m.id desc limit 1""")) {
            query.setString(1, number);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Matcher matcher = OTP.matcher(rows.getString(1));
                return matcher.find() ? matcher.group(1) : loggedOtp(number);
            }
        }
    }

    private long logOffset;

    /** Reads the application log on from where it was read last, and gives the request's newest OTP in it. */
    private synchronized String loggedOtp(String number) throws IOException {
        try (var file = java.nio.channels.FileChannel.open(appLog)) {
            file.position(logOffset);
            byte[] bytes = java.nio.channels.Channels.newInputStream(file).readAllBytes();
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            logOffset += end;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                Matcher matcher = LOGGED_OTP.matcher(line);
                if (matcher.find()) {
                    loggedOtps.put(matcher.group(2), matcher.group(1));
                }
            }
        }
        return loggedOtps.get(number);
    }

    // ---- the other figures ----------------------------------------------------------------------------------

    /**
     * Registrations sent at a fixed rate whatever the answers (open loop); latency counted from the planned start.
     * Each answered one is also added to {@code sent}, with the moment it was planned for.
     */
    Figures registrations(int perSecond, int seconds, List<Registration> sent) throws Exception {
        Figures latencies = new Figures();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        int total = perSecond * seconds;
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < total; i++) {
            long planned = start + i * periodNanos;
            clock.schedule(() -> {
                try {
                    calls.add(http.sendAsync(registration(), HttpResponse.BodyHandlers.ofString())
                            .thenAccept(response -> {
                                if (response.statusCode() == 201) {
                                    double millis = (System.nanoTime() - planned) / 1e6;
                                    latencies.add(millis);
                                    sent.add(new Registration((planned - start) / 1e6, millis));
                                } else {
                                    failures.incrementAndGet();
                                }
                            }));
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            }, planned - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 10L, TimeUnit.SECONDS);
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            System.err.println(failures.get() + " registrations failed at " + perSecond + "/s");
        }
        return latencies;
    }

    /**
     * 2 MB scans (PNG of noise, which does not compress) uploaded by four Mitans at once, one per new request, each
     * once its visit is the Mitan's: the Mitan is assigned by a job after the registration's save point, and with the
     * registrations' backlog still running an upload sent at once was refused (403, not yet the assigned Mitan).
     */
    Figures uploads(int count) throws Exception {
        Figures latencies = new Figures();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seed = i;
            futures.add(pool.submit(() -> {
                String number = register();
                awaitTask("mitan.raipur", "Task_VisitCitizen", number);
                byte[] scan = image(seed, 830);
                long start = System.nanoTime();
                upload(number, "parent-id", "id.png", "image/png", scan);
                latencies.add((System.nanoTime() - start) / 1e6);
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        System.out.printf("2 MB uploads: %d, p99 %.0f ms, load %s%n", latencies.count(), latencies.percentile(99),
                load());
        return latencies;
    }

    /**
     * The clerk's task list (candidate group {@code clerk-RPR}, first page of 15, newest first) with {@code open}
     * open scrutiny tasks: one real task is made by the journey, the rest are copies of its rows made in SQL (with
     * its candidate link and grants), since making 100,000 through the API would take hours.
     */
    Figures taskList(int open, int samples) throws Exception {
        String number = requestAtScrutiny();
        String taskId = awaitTask("clerk.raipur", "Task_ScrutiniseDocuments", number).path("id").asText();
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            sql.execute("create temporary table bench_copy as select g from generate_series(1, " + (open - 1)
                    + ") g");
            sql.execute(copy(db, "act_ru_task", "id_", "'" + taskId + "'", "'bench-' || g"));
            sql.execute(copy(db, "act_ru_identitylink", "task_id_", "'" + taskId + "'", "'bench-' || g",
                    "id_", "'bench-l-' || g || '-' || id_"));
            sql.execute(copy(db, "act_ru_authorization", "resource_id_", "'" + taskId + "'", "'bench-' || g",
                    "id_", "'bench-a-' || g || '-' || id_"));
            sql.execute("analyze");
        }
        Figures latencies = new Figures();
        String list = "/engine-rest/task?candidateGroup=clerk-RPR&firstResult=0&maxResults=15"
                + "&sortBy=created&sortOrder=desc";
        for (int i = 0; i < samples + 5; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(as("clerk.raipur", list).GET().build());
            expect(response, "task list");
            if (i >= 5) {
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            sql.execute("delete from act_ru_authorization where resource_id_ like 'bench-%'");
            sql.execute("delete from act_ru_identitylink where task_id_ like 'bench-%'");
            sql.execute("delete from act_ru_task where id_ like 'bench-%'");
        }
        System.out.printf("task list with %d open tasks: p95 %.0f ms, load %s%n", open, latencies.percentile(95),
                load());
        return latencies;
    }

    /** {@code insert into t select <columns, with the given ones replaced> from t, bench_copy where key = value}. */
    private static String copy(Connection db, String table, String key, String value, String... replacements)
            throws Exception {
        Map<String, String> replaced = new LinkedHashMap<>();
        replaced.put(key, replacements[0]);
        for (int i = 1; i + 1 < replacements.length; i += 2) {
            replaced.put(replacements[i], replacements[i + 1]);
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = db.getMetaData().getColumns(null, "public", table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        String select = String.join(", ", columns.stream().map(c -> replaced.getOrDefault(c, c)).toList());
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
                + ", bench_copy where " + key + " = " + value;
    }

    /** The database's size after {@code VACUUM FULL} (so that deleted rows do not count); the URL carries the login. */
    static long databaseBytes(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            sql.execute("vacuum full");
            try (ResultSet size = sql.executeQuery("select pg_database_size(current_database())")) {
                size.next();
                return size.getLong(1);
            }
        }
    }

    /** The rows' own bytes in a table, summed by a column, largest first (the first eight). */
    List<String> rowBytes(String table, String column) throws Exception {
        List<String> sums = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select " + column + ", count(*), sum(pg_column_size(t.*)) from "
                        + table + " t group by 1 order by 3 desc limit 8")) {
            while (rows.next()) {
                sums.add(rows.getString(1) + " " + rows.getLong(2) + " rows " + rows.getLong(3) + " B");
            }
        }
        return sums;
    }

    /** Every table's size with its indexes and TOAST (after {@link #databaseBytes}, so without dead rows). */
    Map<String, Long> tableBytes() throws Exception {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select relname, pg_total_relation_size(relid) from pg_stat_user_tables")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sizes;
    }

    /** What history cleanup does to a finished request: its history (and its called processes') deleted. */
    void deleteFinishedHistory() throws Exception {
        HttpResponse<String> response = send(as("admin", "/engine-rest/history/process-instance/delete")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"historicProcessInstanceQuery": {"finished": true}, "deleteReason": "benchmark cleanup",
                         "skipCustomListeners": true}""")).build());
        expect(response, "history deletion");
        // Done once the finished requests' history is gone; the batch itself is closed later by its monitor job,
        // which looks every 30 s, and waiting for that took a quarter of the quick run.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            JsonNode count = JSON.readTree(send(as("admin", "/engine-rest/history/process-instance/count?finished=true")
                    .GET().build()).body());
            if (count.path("count").asLong() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        System.err.println("history deletion did not finish in time");
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    HttpRequest.Builder as(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A one-page PDF naming the request, as {@code Scans.pdf} makes it. */
    static byte[] pdf(String number) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Birth report " + number));
        document.close();
        return out.toByteArray();
    }

    /** A PNG of noise, {@code side} pixels square: about 3 × side² bytes (830 gives a 2 MB scan). */
    static byte[] image(long seed, int side) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return png.toByteArray();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
