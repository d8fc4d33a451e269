package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real certificate PDF signed with a real key, checked by an independent verifier (poppler's {@code pdfsig}, as a
 * PDF reader checks it) and by reading the CMS signature back: the signature covers the whole file but itself, is
 * PAdES (ETSI.CAdES.detached, signing-certificate-v2, no signing-time attribute), and any change breaks it.
 */
class CertificateSignerTest {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");
    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aSignedCertificateValidatesUnchangedAndNamesTheIssuingBody() throws Exception {
        SigningKeys keys = SigningKeys.development(folder.resolve("dev.p12"));
        byte[] unsigned = new CertificatePdf().render(content());

        byte[] signed = new CertificateSigner(keys).sign(unsigned, "RPR", "Raipur Municipal Corporation",
                "RPR/BIRTH/2026/000001", ISSUED);
        Path file = Files.write(Files.createDirectories(Path.of("target", "certificates"))
                .resolve("signed-certificate.pdf"), signed);

        // Saved incrementally: the certificate as rendered is the first part of the signed file, untouched.
        assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
        String verdict = pdfsig(file);
        assertThat(verdict).contains("Signature Validation: Signature is Valid.")
                .contains("Signer Certificate Common Name: Mitan development signing key")
                .contains("Signature Type: ETSI.CAdES.detached")
                .contains("Total document signed");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getName()).isEqualTo("Raipur Municipal Corporation");
            assertThat(signature.getReason()).isEqualTo("Certificate RPR/BIRTH/2026/000001 issued by Raipur "
                    + "Municipal Corporation");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(ISSUED);
            SignerInformation signer = verifiedSigner(signature, signed);
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                    .isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
            assertThat(new PDFTextStripper().getText(document)).contains("RPR/BIRTH/2026/000001");
        }
    }

    @Test
    void aChangedByteBreaksTheSignature() throws Exception {
        byte[] signed = new CertificateSigner(SigningKeys.development(null)).sign(
                new CertificatePdf().render(content()), "RPR", "Raipur Municipal Corporation",
                "RPR/BIRTH/2026/000001", ISSUED);
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("RPR/BIRTH/2026/000001");
        byte[] forged = signed.clone();
        if (at >= 0) {
            forged[at + 19] = '9';
        } else {
            forged[signed.length / 4] ^= 1;
        }
        Path file = Files.write(folder.resolve("forged.pdf"), forged);

        assertThat(pdfsig(file)).doesNotContain("Signature Validation: Signature is Valid.");
    }

    @Test
    void theDevelopmentKeyIsMadeOnceAndKeptForTheNextStart() throws Exception {
        Path file = folder.resolve("signing").resolve("dev.p12");
        X509Certificate first = SigningKeys.development(file).forBody("RPR").certificate();
        X509Certificate again = SigningKeys.development(file).forBody("KRB").certificate();

        assertThat(file).exists();
        assertThat(again).isEqualTo(first);
        assertThat(SigningKeys.development(null).forBody("RPR").certificate()).isNotEqualTo(first);
    }

    @Test
    void aBodyWithItsOwnKeySignsWithItAndOthersWithTheDefault() throws Exception {
        Path keystore = keystore(folder.resolve("bodies.p12"), "s3cret", "rpr", "state");

        SigningKeys keys = SigningKeys.fromKeystore(new SigningProperties(keystore.toString(), "s3cret", "state", null));

        assertThat(keys.forBody("RPR").certificate().getSubjectX500Principal().getName()).contains("CN=rpr");
        assertThat(keys.forBody("KRB").certificate().getSubjectX500Principal().getName()).contains("CN=state");
    }

    @Test
    void eachKeyIsDecryptedOnceAndThenReused() throws Exception {
        Path keystore = keystore(folder.resolve("reused.p12"), "s3cret", "rpr", "state");
        SigningKeys keys = SigningKeys.fromKeystore(new SigningProperties(keystore.toString(), "s3cret", "state", null));

        assertThat(keys.forBody("RPR").key()).isSameAs(keys.forBody("RPR").key());
        assertThat(keys.forBody("KRB").key()).isSameAs(keys.forBody("BSP").key())
                .isNotSameAs(keys.forBody("RPR").key());
    }

    @Test
    void aKeystoreThatCannotBeUsedRefusesToStartSayingWhy() throws Exception {
        Path keystore = keystore(folder.resolve("two.p12"), "s3cret", "rpr", "state");

        assertThatThrownBy(() -> SigningKeys.fromKeystore(new SigningProperties(keystore.toString(), "s3cret", null, null)))
                .hasMessageContaining("holds 2 keys [rpr, state]").hasMessageContaining("MITAN_SIGNING_ALIAS");
        assertThatThrownBy(() -> SigningKeys.fromKeystore(new SigningProperties(keystore.toString(), "s3cret", "bsp", null)))
                .hasMessageContaining("no key 'bsp'");
        assertThatThrownBy(() -> SigningKeys.fromKeystore(new SigningProperties(keystore.toString(), "wrong", "rpr", null)))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> SigningKeys.fromKeystore(new SigningProperties(keystore.toString(), "", "rpr", null)))
                .hasMessageContaining("MITAN_SIGNING_KEYSTORE_PASSWORD");
    }

    /** Checks the CMS signature over the byte range the signature dictionary names; answers its signer. */
    private static SignerInformation verifiedSigner(PDSignature signature, byte[] file) throws Exception {
        int[] range = signature.getByteRange();
        assertThat(range[0]).isZero();
        assertThat(range[2] + range[3]).as("the signature covers the file to its end").isEqualTo(file.length);
        byte[] covered = new byte[range[1] + range[3]];
        System.arraycopy(file, range[0], covered, 0, range[1]);
        System.arraycopy(file, range[2], covered, range[1], range[3]);
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(covered), signature.getContents(file));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                .getMatches(signer.getSID()).iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
        return signer;
    }

    private static String pdfsig(Path file) throws IOException, InterruptedException {
        assertThat(PDFSIG).as("poppler-utils' pdfsig (apt-get install poppler-utils; .ci/run does)").exists();
        Process process = new ProcessBuilder(PDFSIG.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** A PKCS#12 keystore with a self-signed key per alias (its certificate's CN is the alias). */
    private static Path keystore(Path file, String password, String... aliases) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (String alias : aliases) {
            SigningKeys.SigningKey key = SigningKeys.selfSignedKey("CN=" + alias + ", C=IN");
            store.setKeyEntry(alias, key.key(), password.toCharArray(), new Certificate[] {key.certificate()});
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static CertificatePdf.Content content() {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", "रीना प्रिया");
        particulars.put("dateOfBirth", "2026-02-20");
        return new CertificatePdf.Content("Raipur Municipal Corporation", "Birth certificate",
                "Registrar of Births and Deaths", "RPR/BIRTH/2026/000001", "रीना प्रिया", "House 4, Raipur",
                particulars, LocalDate.of(2026, 3, 1), "Meena Rao (registrar1)", QrCodesTest.URL);
    }
}
