package org.mitan.process;

/** Keys of the shared models and decisions; certificate types are found from what is deployed, not listed here. */
public final class ProcessKeys {

    public static final String DOORSTEP_VISIT = "doorstep-visit";
    public static final String HOME_DELIVERY = "home-delivery";
    public static final String BIRTH_CERTIFICATE = "birth-certificate";
    public static final String DECISION_SERVICE_LEVEL = "service-level";
    public static final String DECISION_REQUIRED_DOCUMENTS = "required-documents";

    private ProcessKeys() {
    }
}
