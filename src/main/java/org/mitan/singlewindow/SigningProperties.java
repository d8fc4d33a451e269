package org.mitan.singlewindow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key the local register signs certificates with ({@code mitan.signing.*}). Production names a PKCS#12
 * keystore and its password; there is no default. In the {@code dev} profile without a keystore, a development key
 * is made at first start and kept in {@code devKeystore} (when set) for the next start.
 *
 * @param keystore         a PKCS#12 file holding the issuing bodies' keys with their certificate chains
 * @param keystorePassword the keystore's password (also the keys' password)
 * @param alias            the entry for bodies without their own entry; a body's own entry is its code in lower case
 *                         (e.g. {@code rpr}); may be empty when the keystore holds exactly one key
 * @param devKeystore      where the dev profile keeps its development key; empty keeps it in memory only
 */
@ConfigurationProperties("mitan.signing")
record SigningProperties(String keystore, String keystorePassword, String alias, String devKeystore) {

    boolean keystoreConfigured() {
        return keystore != null && !keystore.isBlank();
    }
}
