package io.wxcard.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Official Account message crypto, sending side: signatures of pushes and the safe-mode encryption.
 * <p>
 * Key = Base64(EncodingAESKey + "="), AES-256-CBC with IV = key[0..16), plaintext = 16 random bytes | 4-byte
 * big-endian length | xml | appid, PKCS#7 padding to 32-byte blocks (not AES's 16: WeChat pads to 32).
 */
final class MsgCrypto {
    private static final int BLOCK = 32;

    private MsgCrypto() {
    }

    /** Plain-mode signature: sha1 of the sorted parts joined (token, timestamp, nonce). */
    static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return sha1Hex(String.join("", sorted));
    }

    /** Safe-mode signature over the encrypted body: sha1(sorted(token, timestamp, nonce, encrypt)). */
    static String msgSignature(String token, String timestamp, String nonce, String encrypt) {
        return signature(token, timestamp, nonce, encrypt);
    }

    /** Encrypts one message; {@code random16} is the 16 random bytes WeChat puts in front. */
    static String encrypt(String encodingAesKey, String appId, String xml, byte[] random16) {
        if (random16.length != 16) {
            throw new IllegalArgumentException("the random prefix must be 16 bytes");
        }
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + body.length + app.length;
        int pad = BLOCK - unpadded % BLOCK; // 1..32: a full block of padding when already aligned
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random16).putInt(body.length).put(body).put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    static String sha1Hex(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
