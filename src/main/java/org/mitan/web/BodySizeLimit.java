package org.mitan.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's own calls take small bodies (a registration, a rating, a change of wards): at most
 * {@value #MAX_BYTES} bytes, except uploads, which are multipart and have their own limit
 * ({@code spring.servlet.multipart}). Nothing else bounded a JSON body: Jackson reads a list of ten million wards, or
 * a hundred texts just under its twenty-million-character limit, into memory before any check could refuse it. A
 * body that says it is larger is refused before it is read; one sent without its length (chunked) is refused as soon
 * as it passes the limit, with {@link TooLarge}, which {@code ApiExceptionHandler} answers 413 too.
 */
public class BodySizeLimit extends OncePerRequestFilter {

    /** The largest body of a call that is not an upload: 1 MiB, hundreds of times a real one. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** What a refusal says, in English and Hindi. */
    public static final String REFUSAL = "The body of this call is larger than " + MAX_BYTES / 1024 + " KB, far more"
            + " than it takes; nothing was read or changed. Send only the fields the call takes. / भेजा गया डेटा बहुत"
            + " बड़ा है; कुछ नहीं बदला।";

    /** A body that passed the limit while it was read. */
    public static class TooLarge extends IOException {

        TooLarge() {
            super(REFUSAL);
        }
    }

    /** Writes the 413 problem detail of a body over the limit. */
    @FunctionalInterface
    public interface Refuser {
        void refuse(HttpServletResponse response) throws IOException;
    }

    private final Refuser refuser;

    public BodySizeLimit(Refuser refuser) {
        this.refuser = refuser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuser.refuse(response);
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** The request whose body stops with {@link TooLarge} once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new Counting(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
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
            if (read > MAX_BYTES) {
                throw new TooLarge();
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
