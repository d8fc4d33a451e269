package org.mitan.config;

import java.beans.FeatureDescriptor;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.mitan.process.ProcessBean;

/**
 * What an expression in a deployed model may touch, checked whenever it is evaluated: the published process beans
 * ({@link ProcessBean}), the execution or task it runs on (reading and writing variables, its ids and business key,
 * nothing that leads to the engine), and plain values (text, numbers, dates, decision results, lists and maps).
 * Everything else is refused, whoever deployed the model: no class, class loader, engine service or Spring bean is
 * reachable from a model. Placed before the resolver that calls Java methods, it resolves nothing itself.
 */
class ExpressionGuard extends ELResolver {

    /** Methods and properties of an execution or a task that a model may use. */
    static final Set<String> VARIABLE_SCOPE_MEMBERS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
            "getVariableLocalTyped", "setVariable", "setVariableLocal", "removeVariable", "removeVariableLocal",
            "hasVariable", "hasVariableLocal", "getProcessBusinessKey", "getBusinessKey", "getProcessInstanceId",
            "getId", "getActivityId", "getCurrentActivityId", "getCurrentActivityName", "getEventName", "getName",
            "getAssignee", "getTaskDefinitionKey", "getProcessDefinitionId", "getDueDate", "getPriority",
            "getCreateTime", "getTenantId", "getActivityInstanceId");

    /** Names that lead to classes, class loaders or the engine itself, on whatever object. */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "class", "forName", "getClassLoader",
            "classLoader", "newInstance", "invoke", "getProcessEngine", "processEngine", "getProcessEngineServices",
            "processEngineServices", "getDeclaredMethod", "getMethod", "getDeclaredField", "getField",
            "getRuntime", "exec", "wait", "notify", "notifyAll");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null && property != null && !(base instanceof Map) && !(base instanceof Collection)
                && !base.getClass().isArray()) {
            check(base, getterName(property.toString()), property.toString());
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null && method != null) {
            check(base, method.toString(), method.toString());
        }
        return null;
    }

    private static void check(Object base, String member, String asWritten) {
        if (FORBIDDEN_MEMBERS.contains(asWritten) || FORBIDDEN_MEMBERS.contains(member)) {
            throw refused(asWritten, "it leads to classes or to the engine itself");
        }
        if (base instanceof VariableScope) {
            if (!VARIABLE_SCOPE_MEMBERS.contains(member)) {
                throw refused(asWritten, "on an execution or a task a model may only read and write variables and"
                        + " read ids and the business key");
            }
            return;
        }
        if (isPublishedBean(base) || isPlainValue(base)) {
            return;
        }
        throw refused(asWritten, "it belongs to a " + base.getClass().getSimpleName() + ", which is neither a"
                + " published process bean nor a plain value");
    }

    static boolean isPublishedBean(Object base) {
        return base.getClass().isAnnotationPresent(ProcessBean.class)
                || base.getClass().getSuperclass() != null
                        && base.getClass().getSuperclass().isAnnotationPresent(ProcessBean.class);
    }

    private static boolean isPlainValue(Object base) {
        String type = base.getClass().getName();
        return base instanceof CharSequence || base instanceof Number || base instanceof Boolean
                || base instanceof Character || base instanceof Date || base instanceof Enum<?>
                || type.startsWith("java.time.") || type.startsWith("org.joda.time.")
                || type.startsWith("org.camunda.bpm.dmn.engine.") || type.startsWith("org.camunda.bpm.engine.variable.")
                || type.startsWith("org.camunda.spin.");
    }

    private static String getterName(String property) {
        return property.isEmpty() ? property
                : "get" + property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    }

    private static ProcessEngineException refused(String member, String why) {
        return new ProcessEngineException("A model's expression may not use '" + member + "': " + why + ". Use a"
                + " published process bean (see the README, 'Expressions in models').");
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            throw refused(String.valueOf(property), "expressions may not assign to properties");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
