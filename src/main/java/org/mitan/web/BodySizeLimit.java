package org.mitan.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's own calls take small bodies (a registration, a rating, a change of wards): at most
 * {@value #MAX_BYTES} bytes, except uploads, which are multipart and have their own limit
 * ({@code spring.servlet.multipart}). Nothing else bounded a JSON body: Jackson reads a list of ten million wards, or
 * a hundred texts just under its twenty-million-character limit, into memory before any check could refuse it. A
 * body that says it is larger is refused before it is read; one sent without its length (chunked) is refused as soon
 * as it passes the limit, with {@link TooLarge}, which {@code ApiExceptionHandler} answers 413 too.
 * <p>
 * Camunda's REST API and the webapps' API get the same guard with a larger limit, {@value #ENGINE_MAX_BYTES} bytes:
 * their calls carry lists of ids (a batch over thousands of requests in Cockpit) and variables, and a deployment from
 * Camunda Modeler is multipart. Without it one call of a few hundred megabytes, from any logged-in user, filled the
 * application's heap while the engine read it. A chunked body that passes the limit there is answered 413 here, in
 * place of the engine's own answer to the broken body ({@link Unanswered}).
 */
public class BodySizeLimit extends OncePerRequestFilter {

    /** The largest body of a call that is not an upload: 1 MiB, hundreds of times a real one. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * The largest body of a call to Camunda's REST API or the webapps' API: 16 MiB, a batch over half a million
     * requests' ids.
     */
    public static final int ENGINE_MAX_BYTES = 16 * 1024 * 1024;

    /** What a refusal of the application's own calls says, in English and Hindi. */
    public static final String REFUSAL = refusal(MAX_BYTES);

    /** A body that passed the limit while it was read. */
    public static class TooLarge extends IOException {

        TooLarge(String refusal) {
            super(refusal);
        }
    }

    /** Writes the 413 problem detail of a body over the limit. */
    @FunctionalInterface
    public interface Refuser {
        void refuse(HttpServletResponse response, String refusal) throws IOException;
    }

    private final long maxBytes;
    private final String refusal;
    private final Refuser refuser;

    public BodySizeLimit(long maxBytes, Refuser refuser) {
        this.maxBytes = maxBytes;
        this.refusal = refusal(maxBytes);
        this.refuser = refuser;
    }

    /** What a refusal says, in English and Hindi, for a limit of so many bytes. */
    public static String refusal(long maxBytes) {
        return "The body of this call is larger than " + maxBytes / 1024 + " KB, far more than it takes; nothing was"
                + " read or changed. Send only the fields the call takes. / भेजा गया डेटा बहुत बड़ा है; कुछ नहीं बदला।";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuser.refuse(response, refusal);
            return;
        }
        Limited limited = new Limited(request, maxBytes, refusal);
        chain.doFilter(limited, new Unanswered(response, limited));
        if (limited.passedTheLimit() && !response.isCommitted()) {
            response.reset();
            refuser.refuse(response, refusal);
        }
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** The request whose body stops with {@link TooLarge} once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final String refusal;
        private Counting limited;

        Limited(HttpServletRequest request, long maxBytes, String refusal) {
            super(request);
            this.maxBytes = maxBytes;
            this.refusal = refusal;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new Counting(super.getInputStream(), maxBytes, refusal);
            }
            return limited;
        }

        boolean passedTheLimit() {
            return limited != null && limited.read > maxBytes;
        }
    }

    /**
     * The response, until the body has passed the limit; from then on what the call writes (the engine's REST API
     * answers a body it could not read with a 500 of its own) goes nowhere, so the answer is not sent, and the filter
     * resets it (status and headers too) and answers 413.
     */
    private static final class Unanswered extends HttpServletResponseWrapper {

        private final Limited request;

        Unanswered(HttpServletResponse response, Limited request) {
            super(response);
            this.request = request;
        }

        private boolean dropping() {
            return request.passedTheLimit();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return dropping() ? new Dropped() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return dropping() ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!dropping()) {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!dropping()) {
                super.sendError(status, message);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!dropping()) {
                super.flushBuffer();
            }
        }
    }

    /** Bytes written nowhere. */
    private static final class Dropped extends ServletOutputStream {

        @Override
        public void write(int b) {
            // dropped
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            // dropped
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // nothing is ever pending
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final String refusal;
        private long read;

        Counting(ServletInputStream in, long maxBytes, String refusal) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.refusal = refusal;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(refusal);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
