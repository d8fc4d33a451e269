package org.mitan.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every model of {@code processes/} is held to the coverage threshold: some test class deploys it and measures it
 * with {@link ProcessTestEngine#coverage(String)}, which fails that class below
 * {@link ProcessTestEngine#MINIMUM_COVERAGE}. A model that no test deploys, or that is deployed only as a step
 * another model calls, fails here, so a new model cannot land untested.
 */
class ModelCoverageTest {

    @Test
    void everyModelIsMeasuredByAProcessTestClass() throws ReflectiveOperationException {
        List<String> problems = new ArrayList<>();
        Map<String, String> measuredBy = measuredModels(problems);
        problems.addAll(unmeasured(ProcessTestEngine.modelKeys(), measuredBy));
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void aModelNoTestClassMeasuresIsReported() {
        List<String> problems = unmeasured(List.of("birth-certificate", "caste-certificate"),
                Map.of("birth-certificate", "BirthCertificateProcessTest"));

        assertEquals(1, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("processes/caste-certificate.bpmn: no process test class"),
                problems.get(0));
    }

    static List<String> unmeasured(List<String> models, Map<String, String> measuredBy) {
        return models.stream().filter(model -> !measuredBy.containsKey(model))
                .map(model -> "processes/" + model + ".bpmn: no process test class measures it; write one that "
                        + "extends EngineProcessTest, deploys it with @Deployment(resources = \"processes/" + model
                        + ".bpmn\", ...) and registers @RegisterExtension static ProcessEngineCoverageExtension "
                        + "extension = ProcessTestEngine.coverage(\"" + model + "\"), and whose tests pass through at "
                        + "least " + Math.round(ProcessTestEngine.MINIMUM_COVERAGE * 100) + " % of the model")
                .toList();
    }

    /** Model key to the class that measures it, from the test classes that deploy models of processes/. */
    private static Map<String, String> measuredModels(List<String> problems) throws ReflectiveOperationException {
        Map<String, String> measuredBy = new LinkedHashMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Deployment.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.mitan")) {
            Class<?> testClass = Class.forName(candidate.getBeanClassName(), false,
                    ModelCoverageTest.class.getClassLoader());
            Set<String> deployed = deployedModels(testClass);
            List<Field> coverageFields = Arrays.stream(testClass.getDeclaredFields())
                    .filter(field -> field.getType() == ProcessEngineCoverageExtension.class
                            && Modifier.isStatic(field.getModifiers())
                            && field.isAnnotationPresent(RegisterExtension.class))
                    .toList();
            if (deployed.isEmpty() || coverageFields.isEmpty()) {
                continue;
            }
            String name = testClass.getSimpleName();
            Field field = coverageFields.get(0);
            field.setAccessible(true);
            Optional<String> measures = ProcessTestEngine.measuredModel(
                    (ProcessEngineCoverageExtension) field.get(null));
            if (measures != null && measures.filter(ProcessTestEngine.NO_MODEL::equals).isPresent()) {
                continue; // runs other versions than today's models (legacy, a test-only type): holds none
            }
            if (measures == null) {
                problems.add(name + "." + field.getName() + ": build the coverage extension with "
                        + "ProcessTestEngine.coverage(\"model-key\"), which holds the model to the threshold");
            } else if (measures.isPresent() && !deployed.contains(measures.get())) {
                problems.add(name + ": measures " + measures.get() + " but does not deploy processes/"
                        + measures.get() + ".bpmn; add it to the class's @Deployment");
            } else if (measures.isEmpty() && deployed.size() > 1) {
                String guess = name.replace("ProcessTest", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
                problems.add(name + ": deploys " + deployed + " and measures them together, which can hide a "
                        + "model below the threshold; say which one it measures: ProcessTestEngine.coverage(\""
                        + (deployed.contains(guess) ? guess : "one of " + deployed) + "\")");
            } else {
                measuredBy.putIfAbsent(measures.orElse(deployed.iterator().next()), name);
            }
        }
        return measuredBy;
    }

    /** The keys of the models of processes/ a class deploys with its class-level {@code @Deployment}. */
    private static Set<String> deployedModels(Class<?> testClass) {
        Set<String> models = new TreeSet<>();
        Deployment deployment = testClass.getAnnotation(Deployment.class);
        if (deployment != null) {
            for (String resource : deployment.resources()) {
                if (resource.startsWith("processes/") && resource.endsWith(".bpmn")) {
                    models.add(resource.substring("processes/".length(), resource.length() - ".bpmn".length()));
                }
            }
        }
        return models;
    }
}
