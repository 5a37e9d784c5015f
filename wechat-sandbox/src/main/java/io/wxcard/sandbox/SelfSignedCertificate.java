package io.wxcard.sandbox;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A self-signed X.509 v3 certificate for a platform key, as WeChat Pay's {@code GET /v3/certificates} hands out.
 * The JDK parses certificates but has no public API to issue one, and a certificate is a short DER structure, so it
 * is written here directly (RFC 5280 section 4.1: TBSCertificate, signature algorithm, signature) and signed with
 * the JDK's SHA256withRSA; no extensions. {@code CertificateFactory} reads it back (PlatformCertificatesTest).
 */
final class SelfSignedCertificate {
    private static final byte[] SHA256_WITH_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
            0x0D, 0x01, 0x01, 0x0B}; // OID 1.2.840.113549.1.1.11
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03}; // OID 2.5.4.3
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    /** The PEM of a certificate for {@code keys}, serial = the 40 hex digits WeChat names in Wechatpay-Serial. */
    static String pem(KeyPair keys, String serialHex, String commonName, Instant notBefore, Instant notAfter) {
        byte[] algorithm = der(0x30, SHA256_WITH_RSA, new byte[] {0x05, 0x00});
        byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME,
                der(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = der(0x30,
                der(0xA0, der(0x02, new byte[] {0x02})), // [0] version: v3
                der(0x02, new BigInteger(serialHex, 16).toByteArray()),
                algorithm, name,
                der(0x30, time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded()); // SubjectPublicKeyInfo, already DER
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the platform certificate", e);
        }
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] certificate = der(0x30, tbs, algorithm, der(0x03, bitString));
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050 on. */
    private static byte[] time(Instant instant) {
        if (instant.atZone(ZoneOffset.UTC).getYear() < 2050) {
            return der(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
        }
        return der(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    /** One DER element: tag, definite length, the contents given in parts (already encoded elements or raw bytes). */
    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
