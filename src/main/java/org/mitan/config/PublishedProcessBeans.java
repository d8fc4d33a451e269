package org.mitan.config;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.mitan.process.ProcessBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The beans that expressions in models reach, by name: those marked {@link ProcessBean}, looked up in the
 * application context when first asked (the engine is built before the beans). No other bean, and no process
 * application's bean resolver, is visible to a model.
 */
class PublishedProcessBeans extends AbstractMap<Object, Object> {

    private final ConfigurableListableBeanFactory beans;
    private volatile Set<String> names;

    PublishedProcessBeans(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    /**
     * The published names, e.g. {@code sendSms}, {@code serviceLevels}: read from the bean definitions, so that a
     * bean still being created (one that needs the engine being built) counts too.
     */
    Set<String> names() {
        if (names == null) {
            Set<String> found = new TreeSet<>();
            for (String name : beans.getBeanDefinitionNames()) {
                if (beans.getBeanDefinition(name) instanceof AnnotatedBeanDefinition annotated
                        && annotated.getMetadata().hasAnnotation(ProcessBean.class.getName())) {
                    found.add(name);
                }
            }
            names = Set.copyOf(found);
        }
        return names;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names().stream().map(name -> Map.entry((Object) name, beans.getBean(name)))
                .collect(Collectors.toSet());
    }

    /** The engine's expression manager: variables, the published beans, plain values, behind the guard. */
    static class GuardedExpressionManager extends JuelExpressionManager {

        GuardedExpressionManager(PublishedProcessBeans beans) {
            super(beans);
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            resolver.add(new ReadOnlyMapELResolver(beans));
            resolver.add(new ExpressionGuard());
            resolver.add(new ArrayELResolver());
            resolver.add(new ListELResolver());
            resolver.add(new MapELResolver());
            resolver.add(new BeanELResolver());
            return resolver;
        }
    }
}
