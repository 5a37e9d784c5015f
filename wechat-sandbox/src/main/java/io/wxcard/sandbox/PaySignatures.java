package io.wxcard.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat Pay API v3 signatures: SHA256withRSA over newline-terminated lines, Base64; the merchant's
 * {@code Authorization} header; PEM keys.
 */
final class PaySignatures {
    static final String SCHEME = "WECHATPAY2-SHA256-RSA2048";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private PaySignatures() {
    }

    /** The fields of the merchant's Authorization header. */
    record Authorization(String mchid, String nonce, String signature, String timestamp, String serialNo) {
    }

    /** Parses {@code WECHATPAY2-SHA256-RSA2048 mchid="..",nonce_str="..",...}; 401 SIGN_ERROR when malformed. */
    static Authorization parseAuthorization(String header) {
        if (header == null || header.isBlank()) {
            throw PayException.sign("the Authorization header is missing");
        }
        String trimmed = header.trim();
        if (!trimmed.startsWith(SCHEME + " ")) {
            throw PayException.sign("the Authorization scheme must be " + SCHEME);
        }
        Map<String, String> params = new HashMap<>();
        Matcher matcher = PARAM.matcher(trimmed.substring(SCHEME.length()));
        while (matcher.find()) {
            params.put(matcher.group(1), matcher.group(2));
        }
        for (String field : new String[] {"mchid", "nonce_str", "signature", "timestamp", "serial_no"}) {
            if (params.getOrDefault(field, "").isEmpty()) {
                throw PayException.sign("the Authorization header lacks " + field);
            }
        }
        return new Authorization(params.get("mchid"), params.get("nonce_str"), params.get("signature"),
                params.get("timestamp"), params.get("serial_no"));
    }

    /** The request message: METHOD\nPATH[?QUERY]\nTIMESTAMP\nNONCE\nBODY\n. */
    static String requestMessage(String method, String pathAndQuery, String timestamp, String nonce, String body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    /** The response (and notification) message: TIMESTAMP\nNONCE\nBODY\n. */
    static String responseMessage(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    static boolean verify(PublicKey key, String message, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not Base64, or not a signature of this key's size: simply not valid
        }
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is not available", e);
        }
    }

    /** A public key from a PUBLIC KEY (X.509 SubjectPublicKeyInfo) or a CERTIFICATE PEM. */
    static PublicKey publicKey(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key or certificate PEM", e);
        }
    }

    /** A private key from a PKCS#8 PRIVATE KEY PEM. */
    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key PEM (BEGIN PRIVATE KEY)", e);
        }
    }

    static String publicKeyPem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] pemBody(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    /**
     * AEAD_AES_256_GCM as WeChat Pay uses it for certificates and notifications: key = the APIv3 key's bytes,
     * 12-byte nonce, associated data, answer = Base64(ciphertext followed by the 16-byte tag).
     */
    static String aeadEncrypt(String apiV3Key, String nonce, String associatedData, String plaintext) {
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE,
                    new javax.crypto.spec.SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }
}
