package org.mitan.singlewindow;

import java.util.Locale;

import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.springframework.stereotype.Component;

/**
 * The urban body that issues a certificate, by its full name in English and Hindi ("Raipur Municipal Corporation",
 * "नगर पालिक निगम रायपुर"), as the certificate and the public check print it.
 */
@Component
public class IssuingBodies {

    /**
     * @param en the English name, or the body's code when the body is unknown
     * @param hi the Hindi name, or null
     */
    public record IssuingBody(String en, String hi) {
    }

    private final UrbanBodyRepository bodies;

    public IssuingBodies(UrbanBodyRepository bodies) {
        this.bodies = bodies;
    }

    public IssuingBody of(String bodyCode) {
        return bodies.findById(bodyCode).map(body -> new IssuingBody(fullName(body), fullNameHi(body)))
                .orElseGet(() -> new IssuingBody(bodyCode, null));
    }

    /** "Raipur Municipal Corporation", "Kharsia Nagar Panchayat". */
    private static String fullName(UrbanBody body) {
        StringBuilder kind = new StringBuilder();
        for (String word : body.getKind().name().split("_")) {
            kind.append(' ').append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return body.getNameEn() + kind;
    }

    /** "नगर पालिक निगम रायपुर", "नगर पंचायत खरसिया"; null without a Hindi name. */
    private static String fullNameHi(UrbanBody body) {
        if (body.getNameHi() == null || body.getNameHi().isBlank()) {
            return null;
        }
        String kind = switch (body.getKind()) {
            case MUNICIPAL_CORPORATION -> "नगर पालिक निगम";
            case MUNICIPAL_COUNCIL -> "नगर पालिका परिषद";
            case NAGAR_PANCHAYAT -> "नगर पंचायत";
        };
        return kind + " " + body.getNameHi().strip();
    }
}
