package org.mitan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The modules of the application and what each may use. A module is a package right under {@code org.mitan}.
 * <p>
 * The foundation ({@link #FOUNDATION}) is vocabulary and plumbing that every module may use. Above it the modules
 * follow the request's journey, each listed in {@link #MAY_USE} with the modules it may use: the request record at
 * the bottom, nothing using a module above it, and {@code config} (security, engine setup, the model's rules,
 * demo data) at the top, using whatever it needs and used by none. The README's module picture is drawn from the
 * same table ({@link #picture()}), so that the picture and the code cannot disagree.
 */
class ModulesTest {

    private static final String BASE = "org.mitan";
    private static final String TOP = "config";

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** Every module may use these; each of them only those named here. */
    static final Map<String, Set<String>> FOUNDATION = table(
            "text", "",
            "numbering", "",
            "process", "",
            "failure", "text",
            "web", "failure text");

    /** The modules above the foundation, bottom up, and the modules each may use besides the foundation. */
    static final Map<String, Set<String>> MAY_USE = table(
            "request", "",
            "catalogue", "",
            "municipality", "request",
            "mitan", "request municipality",
            "sms", "request",
            "intake", "request catalogue municipality mitan sms",
            "document", "request catalogue mitan",
            "payment", "request catalogue mitan sms",
            "singlewindow", "request catalogue municipality document sms",
            "certificate", "request catalogue mitan document singlewindow payment sms",
            "delivery", "request mitan document certificate sms",
            "notification", "request catalogue municipality mitan document certificate sms",
            "summary", "request catalogue municipality document certificate",
            "feedback", "request",
            "field", "request catalogue municipality mitan document",
            "status", "request catalogue municipality mitan document payment certificate");

    @Test
    void everyPackageIsAModuleInTheTable() {
        Set<String> declared = new TreeSet<>(FOUNDATION.keySet());
        declared.addAll(MAY_USE.keySet());
        declared.add(TOP);

        assertThat(modulesInTheCode())
                .as("a new package under %s needs its place in ModulesTest (and the README's picture)", BASE)
                .isEqualTo(declared);
    }

    @Test
    void modulesDependOnEachOtherInNoCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    @Test
    void eachModuleUsesOnlyWhatTheTableAllowsItAndNothingUsesConfig() {
        LayeredArchitecture modules = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String module : allModules()) {
            modules = modules.layer(module).definedBy(BASE + "." + module + "..");
        }
        for (Map.Entry<String, Set<String>> module : FOUNDATION.entrySet()) {
            modules = module.getValue().isEmpty() ? modules.whereLayer(module.getKey()).mayNotAccessAnyLayer()
                    : modules.whereLayer(module.getKey()).mayOnlyAccessLayers(module.getValue().toArray(String[]::new));
        }
        for (Map.Entry<String, Set<String>> module : MAY_USE.entrySet()) {
            Set<String> allowed = new LinkedHashSet<>(FOUNDATION.keySet());
            allowed.addAll(module.getValue());
            modules = modules.whereLayer(module.getKey()).mayOnlyAccessLayers(allowed.toArray(String[]::new));
        }
        modules.whereLayer(TOP).mayNotBeAccessedByAnyLayer().check(APPLICATION);
    }

    @Test
    void theTableAllowsOnlyModulesBelow() {
        List<String> order = new ArrayList<>(MAY_USE.keySet());
        MAY_USE.forEach((module, uses) -> assertThat(uses)
                .as("%s may use only modules listed before it", module)
                .allSatisfy(used -> assertThat(order.indexOf(used)).isBetween(0, order.indexOf(module) - 1)));
    }

    @Test
    void onlyTheWebLayerKnowsHttpStatuses() {
        noClasses().that().resideOutsideOfPackages(BASE + ".web..", BASE + "." + TOP + "..")
                .and().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().belongToAnyOf(HttpStatus.class, ProblemDetail.class,
                        ResponseEntity.class, ResponseStatusException.class, ErrorResponseException.class)
                .orShould().beAnnotatedWith(ResponseStatus.class)
                .because("domain code refuses with org.mitan.failure's exceptions; the web layer (ApiExceptionHandler"
                        + " and the controllers) turns them into HTTP statuses and problem details")
                .check(APPLICATION);
    }

    @Test
    void theReadmeShowsThisPicture() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).as("README.md's module picture, drawn from ModulesTest; replace it by:%n%s", picture())
                .contains(picture());
    }

    /**
     * The table as a Mermaid flowchart, top down: an arrow is a use the table allows; {@code config} may use every
     * module (drawn as dotted arrows to those no other module uses), and every module may use the foundation.
     */
    static String picture() {
        List<String> topDown = new ArrayList<>(MAY_USE.keySet());
        Collections.reverse(topDown);
        Set<String> used = MAY_USE.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        StringBuilder mermaid = new StringBuilder("```mermaid\nflowchart TB\n");
        mermaid.append("    ").append(TOP).append("([\"").append(TOP).append(": may use every module\"])\n");
        topDown.stream().filter(module -> !used.contains(module))
                .forEach(module -> mermaid.append("    ").append(TOP).append(" -.-> ").append(module).append('\n'));
        for (String module : topDown) {
            MAY_USE.get(module).forEach(lower -> mermaid.append("    ").append(module).append(" --> ").append(lower)
                    .append('\n'));
        }
        mermaid.append("    foundation[[\"foundation, used by every module: ")
                .append(FOUNDATION.entrySet().stream().map(module -> module.getValue().isEmpty() ? module.getKey()
                        : module.getKey() + " (uses " + String.join(", ", module.getValue()) + ")")
                        .collect(Collectors.joining(", ")))
                .append("\"]]\n");
        MAY_USE.forEach((module, uses) -> {
            if (uses.isEmpty()) {
                mermaid.append("    ").append(module).append(" ~~~ foundation\n");
            }
        });
        return mermaid.append("```\n").toString();
    }

    private static Set<String> modulesInTheCode() {
        return APPLICATION.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(BASE + "."))
                .map(name -> name.substring(BASE.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> allModules() {
        List<String> all = new ArrayList<>(FOUNDATION.keySet());
        all.addAll(MAY_USE.keySet());
        all.add(TOP);
        return all;
    }

    /** Pairs of a module and the names of the modules it may use, separated by spaces. */
    private static Map<String, Set<String>> table(String... pairs) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1].isBlank() ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(pairs[i + 1].split(" "))));
        }
        return table;
    }
}
