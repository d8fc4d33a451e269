package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;

import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServiceFilesInMemoryTest {

    private static final String FILE = "META-INF/services/org.example.Greeter";

    @TempDir
    Path classes;

    @Test
    void aServiceFileIsReadOnceAndServedFromMemoryAfterThat() throws Exception {
        Path file = classes.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "org.example.Hello\n");
        try (Counting original = new Counting(classes)) {
            ServiceFilesInMemory loader = new ServiceFilesInMemory(original);

            assertThat(contents(loader.getResources(FILE))).containsExactly("org.example.Hello\n");
            Files.writeString(file, "org.example.Changed\n");
            assertThat(contents(loader.getResources(FILE))).containsExactly("org.example.Hello\n");
            assertThat(contents(loader.getResources(FILE))).containsExactly("org.example.Hello\n");

            assertThat(original.asked(FILE)).isEqualTo(1);
            assertThat(contents(original.getResources(FILE))).containsExactly("org.example.Changed\n");
        }
    }

    @Test
    void aServiceFileNoJarHasIsRememberedAsNone() throws Exception {
        try (Counting original = new Counting(classes)) {
            ServiceFilesInMemory loader = new ServiceFilesInMemory(original);

            assertThat(Collections.list(loader.getResources("META-INF/services/org.example.Nobody"))).isEmpty();
            assertThat(Collections.list(loader.getResources("META-INF/services/org.example.Nobody"))).isEmpty();

            assertThat(original.asked("META-INF/services/org.example.Nobody")).isEqualTo(1);
        }
    }

    @Test
    void otherResourcesAreAskedOfTheOriginalEachTime() throws Exception {
        Files.writeString(classes.resolve("messages.properties"), "greeting=hello\n");
        try (Counting original = new Counting(classes)) {
            ServiceFilesInMemory loader = new ServiceFilesInMemory(original);

            assertThat(contents(loader.getResources("messages.properties"))).containsExactly("greeting=hello\n");
            assertThat(contents(loader.getResources("messages.properties"))).containsExactly("greeting=hello\n");

            assertThat(original.asked("messages.properties")).isEqualTo(2);
        }
    }

    @Test
    void providersFoundThroughItAreTheClassesTheApplicationHas() {
        ServiceFilesInMemory loader = new ServiceFilesInMemory(getClass().getClassLoader());

        List<Class<?>> drivers = new ArrayList<>();
        ServiceLoader.load(Driver.class, loader).stream().forEach(provider -> drivers.add(provider.type()));
        ServiceLoader<ProcessEngineProvider> engines = ServiceLoader.load(ProcessEngineProvider.class, loader);

        assertThat(drivers).contains(org.postgresql.Driver.class);
        assertThat(engines.findFirst()).get().extracting(Object::getClass)
                .isEqualTo(ServiceLoader.load(ProcessEngineProvider.class).findFirst().orElseThrow().getClass());
    }

    @Test
    void theFilterRunsTheRequestWithTheStandInAndGivesTheOriginalBack() throws Exception {
        ServiceFilesInMemory.Requests filter = new ServiceFilesInMemory.Requests();
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        List<ClassLoader> seen = new ArrayList<>();

        filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(),
                (request, response) -> seen.add(Thread.currentThread().getContextClassLoader()));
        filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(),
                (request, response) -> seen.add(Thread.currentThread().getContextClassLoader()));

        assertThat(seen.get(0)).isInstanceOf(ServiceFilesInMemory.class);
        assertThat(seen.get(0).getParent()).isSameAs(original);
        assertThat(seen.get(1)).as("one stand-in, so each file is read once").isSameAs(seen.get(0));
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }

    @Test
    void theOriginalIsGivenBackWhenTheRequestFails() {
        ServiceFilesInMemory.Requests filter = new ServiceFilesInMemory.Requests();
        ClassLoader original = Thread.currentThread().getContextClassLoader();

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/1/submit-form"),
                new MockHttpServletResponse(), (request, response) -> {
                    throw new ServletException("the engine refused");
                })).hasMessage("the engine refused");

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }

    private static List<String> contents(Enumeration<URL> urls) throws IOException {
        List<String> contents = new ArrayList<>();
        for (URL url : Collections.list(urls)) {
            try (InputStream in = url.openConnection().getInputStream()) {
                contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

    /** A class loader over one folder, with no parent of resources, that counts what it is asked for. */
    private static final class Counting extends URLClassLoader {

        private final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        Counting(Path folder) throws IOException {
            super(new URL[] {folder.toUri().toURL()}, null);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            asked.add(name);
            return super.getResources(name);
        }

        int asked(String name) {
            synchronized (asked) {
                return Collections.frequency(asked, name);
            }
        }
    }
}
