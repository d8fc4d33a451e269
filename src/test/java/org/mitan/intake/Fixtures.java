package org.mitan.intake;

import java.time.Instant;

import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.test.util.ReflectionTestUtils;
import org.mitan.catalogue.TestTypes;
import org.mitan.catalogue.CertificateType;

/** Rows as the database would hand them back, ids included. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");
    public static final CertificateType BIRTH = TestTypes.type("birth-certificate", "Birth certificate",
            "Municipal body (Registrar of Births and Deaths)");

    private Fixtures() {
    }

    public static UrbanBody raipur() {
        return new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70);
    }

    public static UrbanBody inactive(UrbanBody body) {
        ReflectionTestUtils.setField(body, "active", false);
        return body;
    }

    public static ServiceRequest request(long id, String number) {
        ServiceRequest request = new ServiceRequest(number, "birth-certificate", "RPR", 12, "Asha Verma",
                "9876543210", "12 Station Road, Raipur", VisitWindow.MORNING, "hi", "feedback-code-0001", NOW);
        ReflectionTestUtils.setField(request, "id", id);
        return request;
    }
}
