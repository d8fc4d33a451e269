package org.mitan.intake;

import java.util.List;

import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.Fee;
import org.mitan.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate types on offer, for anyone logged in (the call centre picks one for {@code POST /api/requests}):
 * what is deployed, as {@link Catalogue} finds it, the same list that request registration accepts.
 */
@RestController
class CertificateTypeController {

    private final Catalogue types;

    CertificateTypeController(Catalogue types) {
        this.types = types;
    }

    /** Every type whose latest process is deployed and active and has a {@code service-level} row, by key. */
    @GetMapping("/api/certificate-types")
    List<TypeView> offered() {
        Caller.current();
        return types.all().stream()
                .map(type -> new TypeView(type.key(), type.serviceName(), type.department(),
                        type.fees().stream().map(FeeView::of).toList()))
                .toList();
    }

    /**
     * @param key         the process key, the {@code certificateType} of {@code POST /api/requests}
     * @param serviceName the name to say to the citizen, e.g. "Birth certificate"
     * @param department  who decides, e.g. "Municipal body (Registrar of Births and Deaths)"
     * @param fees        the fees a request of the type carries (its {@code <key>-fees} table), e.g. the Mitan
     *                    service fee; empty for a type without that table
     */
    record TypeView(String key, String serviceName, String department, List<FeeView> fees) {
    }

    /** A fee as the citizen is told it: its code, the amount in whole rupees and its name in English and Hindi. */
    record FeeView(String code, int rupees, String label, String labelHi) {

        static FeeView of(Fee fee) {
            return new FeeView(fee.code(), fee.rupees(), fee.names().en(), fee.names().hi());
        }
    }
}
