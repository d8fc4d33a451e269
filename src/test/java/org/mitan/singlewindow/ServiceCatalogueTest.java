package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.TestTypes;

class ServiceCatalogueTest {

    private static final CertificateType BIRTH = TestTypes.type("birth-certificate", "Birth certificate",
            "Registrar of Births and Deaths", "childName");

    private final Catalogue types = mock(Catalogue.class);
    private final ServiceCatalogue catalogue = new ServiceCatalogue(types);

    @Test
    void describesTheTypeFromItsServiceLevelRow() {
        when(types.type("birth-certificate")).thenReturn(Optional.of(BIRTH));

        ServiceCatalogue.ServiceDescription birth = catalogue.describe("birth-certificate");

        assertThat(birth.serviceName()).isEqualTo("Birth certificate");
        assertThat(birth.department()).isEqualTo("Registrar of Births and Deaths");
        assertThat(birth.holderParticular()).isEqualTo("childName");
    }

    @Test
    void aTypeWithoutRowIsNamedByItsKey() {
        when(types.type("caste-certificate")).thenReturn(Optional.empty());

        ServiceCatalogue.ServiceDescription unknown = catalogue.describe("caste-certificate");

        assertThat(unknown.serviceName()).isEqualTo("caste-certificate");
        assertThat(unknown.department()).isNull();
        assertThat(unknown.holderParticular()).isNull();
    }

    @Test
    void describingFallsBackToTheKeyWhenTheTableCannotBeRead() {
        when(types.type("birth-certificate")).thenThrow(new ProcessEngineException("database gone"));
        assertThat(catalogue.describe("birth-certificate").serviceName()).isEqualTo("birth-certificate");

        when(types.type("residence-certificate"))
                .thenThrow(new IllegalStateException("Decision 'service-level' has no input on certificateType"));
        assertThat(catalogue.describe("residence-certificate").serviceName()).isEqualTo("residence-certificate");
    }

    @Test
    void theHolderParticularComesFromTheRow() {
        when(types.type("birth-certificate")).thenReturn(Optional.of(BIRTH));
        when(types.type("income-certificate")).thenReturn(Optional.of(
                TestTypes.type("income-certificate", "Income certificate", "Revenue (Tehsildar)")));
        when(types.type("caste-certificate")).thenReturn(Optional.empty());

        assertThat(catalogue.holderParticular("birth-certificate")).contains("childName");
        assertThat(catalogue.holderParticular("income-certificate")).isEmpty();
        assertThat(catalogue.holderParticular("caste-certificate")).isEmpty();
    }

    @Test
    void theHolderParticularOfATableThatCannotBeReadIsAnErrorNotTheCitizen() {
        when(types.type("birth-certificate"))
                .thenThrow(new IllegalStateException("Decision 'service-level' has no input on certificateType"));

        assertThatThrownBy(() -> catalogue.holderParticular("birth-certificate"))
                .isInstanceOf(IllegalStateException.class);
    }
}
