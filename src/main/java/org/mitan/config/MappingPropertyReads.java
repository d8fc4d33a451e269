package org.mitan.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Has the engine's SQL mappings read each property of a query the same way as before, without searching for its
 * method again at every read.
 * <p>
 * The engine builds most of its statements from conditions on the query's properties ({@code <if test=
 * "authCheck.isAuthorizationCheckEnabled">}), read by MyBatis through OGNL. OGNL remembers a property's getter, but a
 * property read through a method of another shape ({@code isAuthorizationCheckEnabled()} named as it is) or through
 * a field it looks up again at each read, walking every public method of the class and lower-casing each name. A task
 * list's statement makes hundreds of such reads: 1.8 % of the application's CPU in issue 11's profiled run, a third
 * of the time spent in OGNL. Here the method each class and name come to is found once.
 * <p>
 * OGNL's accessors are one registry for the whole JVM; this one stands for OGNL's own for plain objects (maps, lists
 * and MyBatis's bindings keep theirs) and is set before the engine makes its first statement.
 */
@Component
class MappingPropertyReads extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        OgnlRuntime.setPropertyAccessor(Object.class, new Remembered());
    }

    /** OGNL's accessor for plain objects, with the read method of each class and property found once. */
    static final class Remembered extends ObjectPropertyAccessor {

        private static final Object[] NO_ARGUMENTS = {};

        private final ConcurrentMap<Class<?>, ConcurrentMap<String, Optional<Method>>> reads =
                new ConcurrentHashMap<>();
        private final AtomicLong searches = new AtomicLong();

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            Method read = reads.computeIfAbsent(target.getClass(), type -> new ConcurrentHashMap<>())
                    .computeIfAbsent(name, property -> Optional.ofNullable(readMethod(target.getClass(), property)))
                    .orElse(null);
            try {
                if (read == null || !context.getMemberAccess().isAccessible(context, target, read, name)) {
                    return OgnlRuntime.getFieldValue(context, target, name, true);
                }
                return OgnlRuntime.invokeMethod(target, read, NO_ARGUMENTS);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (ReflectiveOperationException e) {
                throw new OgnlException(name, e);
            }
        }

        /** As OGNL finds it: the property's getter, else a method of the property's name. */
        private Method readMethod(Class<?> type, String name) {
            searches.incrementAndGet();
            Method getter = OgnlRuntime.getGetMethod(type, name);
            return getter != null ? getter : OgnlRuntime.getReadMethod(type, name, null);
        }

        /** How many times a read method was searched for: once per class and property. */
        long searches() {
            return searches.get();
        }
    }
}
