package io.wxcard.sandbox;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's WeChat Pay platform key pair, which signs every v3 response. Generating a 2048-bit RSA key takes a
 * noticeable fraction of a second, so it starts on a background thread at start-up and whoever needs it first waits
 * for it; start-up itself never does. A rotation (as WeChat renews its platform certificate) makes a new key that
 * signs from then on, while the previous one stays listed by {@code GET /v3/certificates} until its overlap ends.
 */
final class PlatformKey {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformKey.class);

    private record Material(KeyPair pair, String serial, String publicKeyPem) {
    }

    /** The current key and, during an overlap, the previous one (still valid until {@code previousUntil}). */
    private record Rotation(Material current, Instant since, Material previous, Instant previousSince,
                            Instant previousUntil) {
    }

    /** A platform key as {@code GET /v3/certificates} lists it. */
    record Listed(String serial, Instant effective, Instant expire, String certificatePem) {
    }

    /** How long a platform certificate is valid when no rotation shortens it (WeChat's are valid five years). */
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private final CompletableFuture<Material> material;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, String> certificates = new ConcurrentHashMap<>(); // serial -> PEM
    private volatile Rotation rotation;

    private PlatformKey(CompletableFuture<Material> material) {
        this.material = material;
    }

    /**
     * Starts a rotation: a new key signs every answer from now on; the current one stays valid and listed for
     * {@code overlap}. Answers the new serial. A rotation during an overlap drops the oldest key.
     */
    synchronized String rotate(Duration overlap) {
        Material previous = material();
        Instant previousSince = rotation == null ? started : rotation.since;
        Material next = describe(generate());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        rotation = new Rotation(next, now, previous, previousSince, now.plus(overlap));
        return next.serial;
    }

    /** The keys valid now, the one that signs first: what {@code GET /v3/certificates} lists. */
    List<Listed> listed() {
        Rotation r = rotation;
        Instant now = Instant.now();
        List<Listed> out = new ArrayList<>();
        Material current = material();
        Instant since = r == null ? started : r.since;
        out.add(new Listed(current.serial, since, since.plus(VALIDITY), certificate(current, since)));
        if (r != null && now.isBefore(r.previousUntil)) {
            out.add(new Listed(r.previous.serial, r.previousSince, r.previousUntil,
                    certificate(r.previous, r.previousSince)));
        }
        return out;
    }

    private String certificate(Material key, Instant since) {
        return certificates.computeIfAbsent(key.serial, serial -> SelfSignedCertificate.pem(key.pair, serial,
                "WeChat Pay sandbox platform " + serial.substring(0, 8), since, since.plus(VALIDITY)));
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

    /** One key and its serial, read together: what signs one answer or notification. */
    record Signer(String serial, java.security.PrivateKey key) {
        String sign(String message) {
            return PaySignatures.sign(key, message);
        }
    }

    /**
     * The key signing now and its serial, taken at once, so that a rotation cannot pair one key's serial with another
     * key's signature. Taken when a call arrives, it signs the answer: a listing made meanwhile still holds it (as the
     * current key or, after a rotation, the previous one for the overlap), as WeChat's own listings do.
     */
    Signer signer() {
        Material now = material();
        return new Signer(now.serial, now.pair.getPrivate());
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
        Rotation r = rotation;
        if (r != null) {
            return r.current;
        }
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
