package org.mitan.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A bean of the application's published process API: the only beans that expressions in deployed models reach
 * ({@code ${sendSms}}, {@code ${serviceLevels.scrutinyGroup(execution)}}). Every other bean of the application is
 * invisible to models, whoever deploys them, so a model cannot read or change what its steps do not offer. The value
 * is the name models use.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
public @interface ProcessBean {

    /** The name models use, e.g. {@code sendSms}. */
    @AliasFor(annotation = Component.class)
    String value();
}
