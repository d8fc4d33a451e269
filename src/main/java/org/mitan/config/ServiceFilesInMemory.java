package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A class loader that reads each {@code META-INF/services/} file of the class loader it stands for once, and answers
 * from memory after that; everything else (classes, other resources) it asks of that loader, so a class found
 * through it is the very class found without it.
 * <p>
 * Camunda's REST API looks its engine up anew for every resource it builds (every call to {@code /engine-rest/task},
 * every call of Tasklist and Cockpit to the engine): a {@link java.util.ServiceLoader} over the thread's context class
 * loader, which walks every jar of the application for the file naming the engine provider and reads it again, 2 % of
 * the application's CPU under load. {@link Requests} sets this loader as the context class loader for the calls to
 * those APIs. The files are part of the packaged application and cannot change while it runs.
 */
final class ServiceFilesInMemory extends ClassLoader {

    private static final String SERVICE_FILES = "META-INF/services/";

    /** The found files of each name, in the order the loader it stands for gave them. */
    private final Map<String, List<URL>> files = new ConcurrentHashMap<>();

    ServiceFilesInMemory(ClassLoader original) {
        super(original);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return getParent().loadClass(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICE_FILES)) {
            return getParent().getResources(name);
        }
        try {
            return Collections.enumeration(files.computeIfAbsent(name, this::read));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The original loader's files of that name, each read into memory, behind a URL that serves the copy. */
    private List<URL> read(String name) {
        try {
            List<URL> copies = new ArrayList<>();
            for (URL found : Collections.list(getParent().getResources(name))) {
                byte[] content;
                try (InputStream in = found.openStream()) {
                    content = in.readAllBytes();
                }
                copies.add(new URL(null, "mitan-service-file:" + found, new InMemory(content)));
            }
            return List.copyOf(copies);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves one file's bytes as read. */
    private static final class InMemory extends URLStreamHandler {

        private final byte[] content;

        InMemory(byte[] content) {
            this.content = content;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(content);
                }

                @Override
                public long getContentLengthLong() {
                    return content.length;
                }
            };
        }
    }

    /**
     * Runs each request with a {@link ServiceFilesInMemory} standing for the context class loader it came with, and
     * gives that loader back afterwards, whatever the request did. The server gives its requests one context class
     * loader, so one stand-in is kept: for the loader met last.
     */
    static final class Requests extends OncePerRequestFilter {

        private volatile ServiceFilesInMemory standIn;

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            if (original == null || original instanceof ServiceFilesInMemory) {
                chain.doFilter(request, response);
                return;
            }
            ServiceFilesInMemory loader = standIn;
            if (loader == null || loader.getParent() != original) {
                loader = new ServiceFilesInMemory(original);
                standIn = loader;
            }
            thread.setContextClassLoader(loader);
            try {
                chain.doFilter(request, response);
            } finally {
                thread.setContextClassLoader(original);
            }
        }
    }
}
