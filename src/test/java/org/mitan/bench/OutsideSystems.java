package org.mitan.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The outside systems the application calls in production, as local HTTP servers speaking the contracts of
 * {@code HttpSingleWindowGateway} and {@code HttpSmsGateway}, each able to be up, down (503) or slow (the work is
 * done but the answer comes after the caller has given up). Like the real ones they honour {@code Idempotency-Key}:
 * a repeated key gets the first answer and is not done again.
 */
final class OutsideSystems {

    enum Mode {
        UP,
        DOWN,
        SLOW
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OTP = Pattern.compile("OTP (\\d{6})");
    private static final Duration SLOW = Duration.ofSeconds(4);

    private OutsideSystems() {
    }

    /** Something that can be up, down or slow, and is served over HTTP on 127.0.0.1. */
    abstract static class Server implements AutoCloseable {

        final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
        /** The first answer to each idempotency key: what was done, once. */
        final Map<String, String> answers = new ConcurrentHashMap<>();
        /** Every call that reached the server, answered or not. */
        final AtomicInteger calls = new AtomicInteger();
        private final HttpServer http;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        Server(String path) throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(threads);
            http.createContext(path, this::serve);
            http.start();
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        void set(Mode next) {
            mode.set(next);
        }

        private void serve(HttpExchange exchange) throws IOException {
            calls.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode.get();
            if (now == Mode.DOWN) {
                answer(exchange, 503, "{\"detail\":\"down for maintenance\"}");
                return;
            }
            if (!"Bearer outage-test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"detail\":\"bad key\"}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            JsonNode request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            String answer = answers.computeIfAbsent(key, k -> work(exchange.getRequestURI().getPath(), request));
            if (now == Mode.SLOW) {
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer(exchange, 201, answer);
        }

        /** Does what the call asks, once per idempotency key; the JSON answer. */
        abstract String work(String path, JsonNode body);

        private static void answer(HttpExchange exchange, int status, String answer) throws IOException {
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException callerGaveUp) {
                // the client timed out and closed the connection: the work is done all the same
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            http.stop(0);
            threads.shutdownNow();
        }
    }

    /** The state's single window: files applications and issues their certificates. */
    static final class SingleWindow extends Server {

        private final AtomicInteger references = new AtomicInteger();
        /** Request numbers filed, once per filing. */
        final List<String> filed = new CopyOnWriteArrayList<>();
        /** Request numbers whose certificate was issued, once per issue. */
        final List<String> issued = new CopyOnWriteArrayList<>();

        SingleWindow() throws IOException {
            super("/sws/applications");
        }

        @Override
        String url() {
            return super.url() + "/sws";
        }

        @Override
        String work(String path, JsonNode body) {
            String number = body.path("requestNumber").asText();
            if (path.endsWith("/certificate")) {
                issued.add(number);
                return "{\"certificateNumber\":\"SW/" + number + "\",\"pdfBase64\":\""
                        + Base64.getEncoder().encodeToString(LoadClient.pdf("certificate " + number)) + "\"}";
            }
            filed.add(number);
            return "{\"reference\":\"SWS-" + references.incrementAndGet() + "\"}";
        }
    }

    /** An SMS provider: sends each message to the phone once. */
    static final class SmsProvider extends Server {

        private final AtomicInteger ids = new AtomicInteger();
        /** The texts that reached phones, once per message. */
        final List<String> delivered = new CopyOnWriteArrayList<>();

        SmsProvider() throws IOException {
            super("/sms");
        }

        @Override
        String url() {
            return super.url() + "/sms";
        }

        @Override
        String work(String path, JsonNode body) {
            delivered.add(body.path("text").asText());
            return "{\"messageId\":\"sms-" + ids.incrementAndGet() + "\"}";
        }

        /** The last delivery OTP sent about the request, as the citizen reads it on the phone. */
        String otp(String requestNumber) throws InterruptedException {
            for (int tries = 0; tries < 300; tries++) {
                for (int i = delivered.size() - 1; i >= 0; i--) {
                    Matcher otp = OTP.matcher(delivered.get(i));
                    if (delivered.get(i).contains(requestNumber) && otp.find()) {
                        return otp.group(1);
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("no delivery OTP reached the phone for " + requestNumber);
        }
    }
}
