package org.mitan.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.mockito.Mockito;

/** Certificate types for tests that need one without deploying its tables. */
public final class TestTypes {

    private TestTypes() {
    }

    /** A type with English names only repeated as Hindi, a week's time limit and no steps. */
    public static CertificateType type(String key, String name, String department, String holderParticular) {
        return new CertificateType(key, new Names(name, name), new Names(department, department), holderParticular, 7,
                3, Map.of());
    }

    /** The real catalogue, on an engine of a test's own, asking it for the latest versions every time. */
    public static Catalogue catalogue(RepositoryService repository, IdentityService identity) {
        return new Catalogue(askingEveryTime(repository), repository, identity);
    }

    /** Deployed versions as the engine has them at each call: a test's deployments are seen at once. */
    public static DeployedVersions askingEveryTime(RepositoryService repository) {
        return new DeployedVersions(repository, Mockito.mock(IdentityService.class), Duration.ZERO, System::nanoTime);
    }

    /**
     * The real rules on a type's particulars, read from its DMN file ({@code processes/<type>.dmn}) as the latest
     * deployed {@code <type>-particulars-rules}; {@code repository} is a mock with deep stubs.
     */
    public static ParticularsRules particularsRules(RepositoryService repository, String certificateType) {
        String key = ParticularsRules.decisionKey(certificateType);
        DecisionDefinition definition = Mockito.mock(DecisionDefinition.class);
        Mockito.when(definition.getId()).thenReturn("rules:1");
        Mockito.when(definition.getKey()).thenReturn(key);
        Mockito.when(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult()).thenReturn(definition);
        try (InputStream file = Files.newInputStream(Path.of("processes", certificateType + ".dmn"))) {
            Mockito.when(repository.getDmnModelInstance("rules:1")).thenReturn(Dmn.readModelFromStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParticularsRules(askingEveryTime(repository), Mockito.mock(IdentityService.class));
    }

    /** One row of a {@code <key>-fees} table, as Camunda Modeler writes it; ids made unique by the fee code. */
    public static String feeRow(String code, int rupees, String label, String labelHi) {
        String id = "Fee_" + code.replace('-', '_');
        return "<rule id=\"Rule_" + id + "\">"
                + "<inputEntry id=\"InputEntry_" + id + "\"><text>\"" + code + "\"</text></inputEntry>"
                + "<outputEntry id=\"Rupees_" + id + "\"><text>" + rupees + "</text></outputEntry>"
                + "<outputEntry id=\"Label_" + id + "\"><text>\"" + label + "\"</text></outputEntry>"
                + "<outputEntry id=\"LabelHi_" + id + "\"><text>\"" + labelHi + "\"</text></outputEntry></rule>";
    }

    public static CertificateType type(String key, String name, String department) {
        return type(key, name, department, null);
    }
}
