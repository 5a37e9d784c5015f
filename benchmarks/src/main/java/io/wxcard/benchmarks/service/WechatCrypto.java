package io.wxcard.benchmarks.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What WeChat does to a push in safe mode, done by the driver as WeChat would (the sandbox's own code is
 * package-private): AES-256-CBC with IV = key[0..16), plaintext = 16 random bytes | 4-byte big-endian length | xml |
 * appid, PKCS#7 padding to 32-byte blocks; {@code msg_signature} = sha1 of the sorted token, timestamp, nonce and
 * Encrypt. Plus the keys a tenant needs: an EncodingAESKey, an RSA merchant key pair in PEM.
 */
public final class WechatCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final byte[] appId;
    private final String token;
    private final ThreadLocal<Cipher> cipher;

    public WechatCrypto(String encodingAesKey, String appId, String token) {
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        this.token = token;
        this.cipher = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/CBC/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The body WeChat posts in safe mode for this XML: {@code <xml><ToUserName/><Encrypt/></xml>}. */
    public String encryptedBody(String toUserName, String encrypt) {
        return "<xml><ToUserName><![CDATA[" + toUserName + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
    }

    public String encrypt(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + body.length + appId.length;
        int pad = BLOCK - unpadded % BLOCK;
        byte[] random = new byte[16];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random).putInt(body.length).put(body).put(appId);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            Cipher aes = cipher.get();
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return Base64.getEncoder().encodeToString(aes.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    /** sha1 of the sorted parts joined. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token() {
        return token;
    }

    /** 32 random bytes in Base64 without padding: a 43-character EncodingAESKey. */
    public static String newAesKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().withoutPadding().encodeToString(key);
    }

    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** An RSA 2048 key pair: {private PKCS#8 PEM, public X.509 PEM}. */
    public static String[] newRsaPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new String[] {pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
