package org.mitan.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StartFormBodiesTest {

    final ObjectMapper json = new ObjectMapper();
    final StartFormBodies filter = new StartFormBodies(mock(), json);

    @Test
    void theRegistrationFormOffersTheActiveBodiesInItsOrderThenTheNewOnesByName() throws Exception {
        byte[] form = Files.readAllBytes(Path.of("forms/request-registration.form"));
        List<UrbanBody> active = List.of(body("KRB", "Korba", "कोरबा"), body("ZNP", "Zora Nagar", "ज़ोरा नगर"),
                body("RPR", "Raipur", "रायपुर"), body("APN", "Arang", "आरंग"));

        JsonNode rewritten = json.readTree(filter.withActiveBodies(form, active));

        assertThat(rewritten.findValues("values")).anySatisfy(values -> assertThat(values.toString())
                .isEqualTo("[{\"label\":\"Raipur (रायपुर)\",\"value\":\"RPR\"},"
                        + "{\"label\":\"Korba (कोरबा)\",\"value\":\"KRB\"},"
                        + "{\"label\":\"Arang (आरंग)\",\"value\":\"APN\"},"
                        + "{\"label\":\"Zora Nagar (ज़ोरा नगर)\",\"value\":\"ZNP\"}]"));
        // Nothing else of the form changes.
        JsonNode original = json.readTree(form);
        assertThat(rewritten.path("components").size()).isEqualTo(original.path("components").size());
        assertThat(rewritten.path("id").asText()).isEqualTo("request-registration");
    }

    @Test
    void anyOtherFormOrAnswerIsLeftAsItIs() throws Exception {
        List<UrbanBody> active = List.of(body("RPR", "Raipur", "रायपुर"));
        assertThat(filter.withActiveBodies(Files.readAllBytes(Path.of("forms/birth-certificate-particulars.form")),
                active)).isNull();
        assertThat(filter.withActiveBodies("not json".getBytes(), active)).isNull();
        assertThat(filter.withActiveBodies("{\"id\":\"request-registration\",\"components\":[]}".getBytes(),
                active)).isNull();
    }

    private static UrbanBody body(String code, String nameEn, String nameHi) {
        return new UrbanBody(code, nameEn, nameHi, "Raipur", BodyKind.NAGAR_PANCHAYAT, 10);
    }
}
