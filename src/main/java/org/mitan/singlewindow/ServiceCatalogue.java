package org.mitan.singlewindow;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a certificate type is called and whom its certificate names, as the {@link Catalogue} reads the type's
 * tables, with a plain fallback for showing a type whose tables are gone. A new type is a deployment, not code here.
 */
@Component
public class ServiceCatalogue {

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalogue.class);

    private final Catalogue types;

    ServiceCatalogue(Catalogue types) {
        this.types = types;
    }

    /**
     * The type's row, for showing it to people: the type key itself as its name when there is no decision, no row,
     * or the table cannot be read (the verification page and the SMS still work, with a plainer name).
     */
    public ServiceDescription describe(String certificateType) {
        try {
            return types.type(certificateType).map(ServiceDescription::of)
                    .orElseGet(() -> ServiceDescription.unknown(certificateType));
        } catch (ProcessEngineException | IllegalStateException e) {
            log.warn("The tables of certificate type {} could not describe it: {}", certificateType, e.getMessage());
            return ServiceDescription.unknown(certificateType);
        }
    }

    /**
     * The particular that names the holder of the type's certificates (e.g. {@code childName}); empty when the
     * holder is the citizen who asked. Unlike {@link #describe}, a table that cannot be read is an error here, not
     * a fallback: a certificate must not name the wrong person.
     */
    public Optional<String> holderParticular(String certificateType) {
        return types.type(certificateType).map(CertificateType::holderParticular);
    }

    /**
     * @param serviceName      name for people, never null
     * @param department       issuing office, or null
     * @param holderParticular particular that names the holder, or null when the holder is the citizen
     * @param serviceNameHi    the name in Hindi, or null
     * @param departmentHi     the issuing office in Hindi, or null
     */
    public record ServiceDescription(String serviceName, String department, String holderParticular,
            String serviceNameHi, String departmentHi) {

        public ServiceDescription(String serviceName, String department, String holderParticular) {
            this(serviceName, department, holderParticular, null, null);
        }

        static ServiceDescription of(CertificateType type) {
            return new ServiceDescription(type.serviceName(), type.department(), type.holderParticular(),
                    type.names().hi(), type.departmentNames() == null ? null : type.departmentNames().hi());
        }

        static ServiceDescription unknown(String certificateType) {
            return new ServiceDescription(certificateType, null, null);
        }
    }
}
