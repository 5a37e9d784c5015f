package io.wxcard.sandbox;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's WeChat Pay platform key pair, which signs every v3 response. Generating a 2048-bit RSA key takes a
 * noticeable fraction of a second, so it starts on a background thread at start-up and whoever needs it first waits
 * for it; start-up itself never does.
 */
final class PlatformKey {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformKey.class);

    private record Material(KeyPair pair, String serial, String publicKeyPem) {
    }

    private final CompletableFuture<Material> material;

    private PlatformKey(CompletableFuture<Material> material) {
        this.material = material;
    }

    /** Loads the given PKCS#8 key now (cheap), or starts generating one in the background. */
    static PlatformKey loadOrGenerate(String privateKeyPem) {
        if (privateKeyPem != null && !privateKeyPem.isBlank()) {
            return new PlatformKey(CompletableFuture.completedFuture(describe(load(privateKeyPem))));
        }
        return new PlatformKey(CompletableFuture.supplyAsync(() -> describe(generate())));
    }

    java.security.PrivateKey privateKey() {
        return material().pair.getPrivate();
    }

    java.security.PublicKey publicKey() {
        return material().pair.getPublic();
    }

    /** The serial named in {@code Wechatpay-Serial}: 40 upper-case hex digits derived from the public key. */
    String serial() {
        return material().serial;
    }

    String publicKeyPem() {
        return material().publicKeyPem;
    }

    /** The private key as PKCS#8 PEM, for the state file (waits for the key if still new). */
    String privateKeyPem() {
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(privateKey().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    private Material material() {
        try {
            return material.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the platform key could not be made", e.getCause());
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static KeyPair load(String pem) {
        java.security.PrivateKey privateKey = PaySignatures.privateKey(pem);
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the platform private key must be an RSA CRT key (PKCS#8)");
        }
        try {
            java.security.PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key", e);
        }
    }

    private static Material describe(KeyPair pair) {
        String serial;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(pair.getPublic().getEncoded());
            serial = HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
        String pem = PaySignatures.publicKeyPem(pair.getPublic());
        // The public key is not a secret: operators need it to configure the product's WeChat Pay client.
        LOG.info("WeChat Pay platform key ready: serial {} (GET /sandbox/platform-certificate)\n{}", serial, pem);
        return new Material(pair, serial, pem);
    }
}
