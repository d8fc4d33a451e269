package org.mitan.config;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} before the engine starts. The engine asks for a new factory for every
 * timer it sets (each task's overdue reminder, each request's legal time limit), and without the name the JDK looks
 * for other factories on the class path first: in the packaged application that is a scan of every nested jar,
 * 3 % of the application's CPU under load (issue 11). A name set on the command line is left alone.
 */
@Component
class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
