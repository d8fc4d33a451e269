package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkDatatypeFactoryTest {

    private final String before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void theEngineMakesItsTimersWithTheJdksFactoryWithoutSearchingTheClassPath() throws Exception {
        System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);

        new JdkDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().newDuration("P2D").getDays()).isEqualTo(2);
    }

    @Test
    void aFactoryNamedOnTheCommandLineIsKept() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OtherFactory");

        new JdkDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OtherFactory");
    }
}
