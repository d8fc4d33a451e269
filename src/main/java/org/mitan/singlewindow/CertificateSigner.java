package org.mitan.singlewindow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a certificate PDF with the issuing body's key, as PAdES baseline B-B: a detached CAdES signature
 * ({@code ETSI.CAdES.detached}) over the whole file, carrying the signer's certificate chain and the
 * signing-certificate-v2 attribute, the signing time in the signature dictionary. Saved incrementally, so a PDF
 * reader shows the certificate as signed and unchanged since; anyone with the issuing body's certificate can
 * check it.
 */
class CertificateSigner {

    /** Room for the CMS signature in the file: a 4096-bit RSA signature with a three-certificate chain fits. */
    private static final int SIGNATURE_SIZE = 16_384;

    private final SigningKeys keys;

    CertificateSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** The PDF, signed for the body with its key at the given time. */
    byte[] sign(byte[] pdf, String bodyCode, String bodyName, String certificateNumber, Instant signedAt) {
        SigningKeys.SigningKey key = keys.forBody(bodyCode);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(bodyName);
            signature.setLocation("Chhattisgarh, India");
            signature.setReason("Certificate " + certificateNumber + " issued by " + bodyName);
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            at.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(at);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> cms(content, key), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not sign certificate " + certificateNumber + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] cms(InputStream content, SigningKeys.SigningKey key) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.key());
            SignerInfoGeneratorBuilder builder = new SignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new PadesAttributes(signingCertificate(key)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(builder.build(signer,
                    new JcaX509CertificateHolder(key.certificate())));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("the CMS signature could not be made: " + e.getMessage(), e);
        }
    }

    /** The signing-certificate-v2 attribute (RFC 5035) PAdES asks for: the SHA-256 of the signer's certificate. */
    private static AttributeTable signingCertificate(SigningKeys.SigningKey key) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash))));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(attribute);
        return new AttributeTable(attributes);
    }

    /** The standard signed attributes without signing-time: in PAdES the time is the signature dictionary's. */
    private static final class PadesAttributes extends DefaultSignedAttributeTableGenerator {

        PadesAttributes(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }
}
