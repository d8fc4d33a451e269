package org.mitan.intake;

import java.util.List;

import org.mitan.catalogue.Catalogue;
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
                .map(type -> new TypeView(type.key(), type.serviceName(), type.department()))
                .toList();
    }

    /**
     * @param key         the process key, the {@code certificateType} of {@code POST /api/requests}
     * @param serviceName the name to say to the citizen, e.g. "Birth certificate"
     * @param department  who decides, e.g. "Municipal body (Registrar of Births and Deaths)"
     */
    record TypeView(String key, String serviceName, String department) {
    }
}
