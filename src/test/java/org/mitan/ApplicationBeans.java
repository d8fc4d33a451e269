package org.mitan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mitan.process.ProcessBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.MethodMetadata;

/**
 * The names of the application's Spring beans, read from the compiled classes of {@code org.mitan} without starting
 * a context: every component ({@code @Component("name")}, or the class name with a lower-case first letter) and every
 * {@code @Bean} method of a scanned configuration class. Test classes are left out, so a bean that only a test
 * declares does not count.
 */
final class ApplicationBeans {

    private static Set<String> names;
    private static Set<String> published;

    private ApplicationBeans() {
    }

    static synchronized Set<String> names() {
        if (names == null) {
            scan();
        }
        return names;
    }

    /** The beans of the published process API ({@link ProcessBean}): the only ones models reach. */
    static synchronized Set<String> published() {
        if (published == null) {
            scan();
        }
        return published;
    }

    private static void scan() {
        String applicationClasses = MitanApplication.class.getProtectionDomain().getCodeSource().getLocation()
                .toString();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Set<String> found = new TreeSet<>();
        Set<String> processBeans = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.mitan")) {
            ScannedGenericBeanDefinition component = (ScannedGenericBeanDefinition) candidate;
            if (!location(component).startsWith(applicationClasses)) {
                continue;
            }
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(component, registry);
            found.add(name);
            if (component.getMetadata().hasAnnotation(ProcessBean.class.getName())) {
                processBeans.add(name);
            }
            for (MethodMetadata method : component.getMetadata().getAnnotatedMethods(Bean.class.getName())) {
                found.add(beanName(method));
            }
        }
        names = Set.copyOf(found);
        published = Set.copyOf(processBeans);
    }

    private static String beanName(MethodMetadata method) {
        Map<String, Object> bean = method.getAnnotationAttributes(Bean.class.getName());
        String[] declared = bean == null ? new String[0] : (String[]) bean.get("name");
        return declared.length > 0 ? declared[0] : method.getMethodName();
    }

    private static String location(ScannedGenericBeanDefinition component) {
        try {
            return component.getResource().getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
