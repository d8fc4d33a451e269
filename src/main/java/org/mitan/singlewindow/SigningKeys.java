package org.mitan.singlewindow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The issuing bodies' signing keys, read from a PKCS#12 keystore: a body's own entry (its code in lower case) or
 * the configured default entry, or the only key of the keystore.
 */
final class SigningKeys {

    /** A private key and the certificate chain that names it, signer first. */
    record SigningKey(PrivateKey key, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /** The development key's keystore password: a dev-profile default, never used outside it. */
    private static final char[] DEV_PASSWORD = "mitan-dev-signing".toCharArray();
    private static final String DEV_ALIAS = "mitan-development";

    private final KeyStore store;
    private final char[] password;
    private final String defaultAlias;
    private final Map<String, SigningKey> entries = new ConcurrentHashMap<>();

    private SigningKeys(KeyStore store, char[] password, String defaultAlias) {
        this.store = store;
        this.password = password;
        this.defaultAlias = defaultAlias;
    }

    /** The keystore the configuration names; refuses to start on a missing file, wrong password or no key. */
    static SigningKeys fromKeystore(SigningProperties properties) {
        if (properties.keystorePassword() == null || properties.keystorePassword().isEmpty()) {
            throw new IllegalStateException("mitan.signing.keystore is set but mitan.signing.keystore-password "
                    + "(MITAN_SIGNING_KEYSTORE_PASSWORD) is empty. Set the password of the keystore.");
        }
        char[] password = properties.keystorePassword().toCharArray();
        SigningKeys keys = new SigningKeys(load(Path.of(properties.keystore().strip()), password), password,
                properties.alias() == null ? "" : properties.alias().strip());
        keys.defaultKey();
        return keys;
    }

    /**
     * The dev profile's key: read from {@code file} when a start before made it, else made now (RSA 2048, a
     * self-signed certificate valid for ten years) and kept in {@code file} when one is given.
     */
    static SigningKeys development(Path file) {
        try {
            if (file != null && Files.exists(file)) {
                return new SigningKeys(load(file, DEV_PASSWORD), DEV_PASSWORD, DEV_ALIAS);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            SigningKey key = selfSignedKey("CN=Mitan development signing key (not for real certificates),"
                    + " O=Mukhyamantri Mitan Yojana, ST=Chhattisgarh, C=IN");
            store.setKeyEntry(DEV_ALIAS, key.key(), DEV_PASSWORD, new Certificate[] {key.certificate()});
            if (file != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, DEV_PASSWORD);
                }
            }
            return new SigningKeys(store, DEV_PASSWORD, DEV_ALIAS);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not make the development signing key"
                    + (file == null ? "" : " in " + file) + ": " + e.getMessage(), e);
        }
    }

    /** The key that signs a certificate of the body: its own entry, else the default one. */
    SigningKey forBody(String bodyCode) {
        String own = bodyCode.toLowerCase(Locale.ROOT);
        try {
            return store.isKeyEntry(own) ? entry(own) : defaultKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing keystore cannot be read: " + e.getMessage(), e);
        }
    }

    private SigningKey defaultKey() {
        try {
            if (!defaultAlias.isEmpty()) {
                if (!store.isKeyEntry(defaultAlias)) {
                    throw new IllegalStateException("The signing keystore has no key '" + defaultAlias
                            + "' (mitan.signing.alias, MITAN_SIGNING_ALIAS). Its keys: " + keyAliases() + ".");
                }
                return entry(defaultAlias);
            }
            List<String> keys = keyAliases();
            if (keys.size() != 1) {
                throw new IllegalStateException("The signing keystore holds " + keys.size() + " keys " + keys
                        + ": name the one for bodies without their own key in mitan.signing.alias "
                        + "(MITAN_SIGNING_ALIAS).");
            }
            return entry(keys.get(0));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing keystore cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The alias's key, decrypted once: a PKCS#12 key is unwrapped with PBKDF2 at each read, which was 8 % of the
     * CPU of issuing a certificate. The keystore is read once at start-up and never changes.
     */
    private SigningKey entry(String alias) throws GeneralSecurityException {
        SigningKey known = entries.get(alias);
        if (known != null) {
            return known;
        }
        SigningKey read = read(alias);
        SigningKey first = entries.putIfAbsent(alias, read);
        return first != null ? first : read;
    }

    private SigningKey read(String alias) throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                .map(X509Certificate.class::cast).toList();
        return new SigningKey(key, chain);
    }

    private List<String> keyAliases() throws GeneralSecurityException {
        return Collections.list(store.aliases()).stream().filter(alias -> {
            try {
                return store.isKeyEntry(alias);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }).sorted().toList();
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The signing keystore " + file + " cannot be read (is the path right, "
                    + "is it PKCS#12, is the password right?): " + e.getMessage(), e);
        }
    }

    /** A new RSA 2048 key with a self-signed certificate for signing documents, valid for ten years. */
    static SigningKey selfSignedKey(String subject)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation));
        return new SigningKey(pair.getPrivate(), List.of(new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())))));
    }
}
