package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Form fields whose value no step can take, found wherever they sit in the form. */
class FormFieldRulesTest {

    @Test
    void aDynamicListOrAParticularThatIsAListIsNamedEvenInsideAGroup() {
        String form = """
                {"components": [{"type": "group", "components": [
                  {"type": "dynamiclist", "path": "members", "components": [{"type": "textfield", "key": "name"}]},
                  {"type": "taglist", "key": "particular_trades", "values": [{"value": "grocery"}]},
                  {"type": "checklist", "key": "services", "values": [{"value": "water"}]},
                  {"type": "select", "key": "particular_trade", "values": [{"value": "grocery"}]}
                ]}]}""";

        assertThat(FormFieldRules.problems("x-inquiry.form", form.getBytes(StandardCharsets.UTF_8))).satisfiesExactly(
                dynamic -> assertThat(dynamic).startsWith("x-inquiry.form: the dynamic list 'members'"),
                particular -> assertThat(particular).startsWith("x-inquiry.form: the particular 'particular_trades'"
                        + " is a taglist"));
        assertThat(FormFieldRules.problems("broken.form", "{not json".getBytes(StandardCharsets.UTF_8)))
                .as("left to the engine's form deployer").isEmpty();
    }
}
