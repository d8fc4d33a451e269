package org.mitan.process;

/**
 * Keys of the shared models; certificate types are found from what is deployed (the {@code catalogue}), not listed
 * here. The birth certificate's key is the demo's and the tests' example.
 */
public final class ProcessKeys {

    public static final String DOORSTEP_VISIT = "doorstep-visit";
    public static final String HOME_DELIVERY = "home-delivery";
    public static final String BIRTH_CERTIFICATE = "birth-certificate";

    private ProcessKeys() {
    }
}
