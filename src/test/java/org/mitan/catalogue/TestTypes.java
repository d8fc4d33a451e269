package org.mitan.catalogue;

import java.util.Map;

/** Certificate types for tests that need one without deploying its tables. */
public final class TestTypes {

    private TestTypes() {
    }

    /** A type with English names only repeated as Hindi, a week's time limit and no steps. */
    public static CertificateType type(String key, String name, String department, String holderParticular) {
        return new CertificateType(key, new Names(name, name), new Names(department, department), holderParticular, 7,
                3, Map.of());
    }

    public static CertificateType type(String key, String name, String department) {
        return type(key, name, department, null);
    }
}
