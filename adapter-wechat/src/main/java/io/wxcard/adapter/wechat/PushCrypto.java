package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRejection.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Official Account push crypto, receiving side (wechat-api.md, section 5): signatures compared in constant
 * time, and safe-mode decryption with strict checks. Key = Base64(EncodingAESKey + "="), AES-256-CBC with
 * IV = key[0..16), plaintext = 16 random bytes | 4-byte big-endian length | XML | appid, PKCS#7 padding to 32-byte
 * blocks.
 */
final class PushCrypto {
    private static final int PAD_BLOCK = 32;

    private PushCrypto() {}

    /** {@code sha1} of the parts sorted as strings and concatenated: the plain signature and the msg_signature. */
    static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return CardExtSigner.sha1Hex(String.join("", sorted));
    }

    /** Whether {@code given} is the expected signature; constant-time, case-insensitive hex. */
    static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The XML inside a safe-mode {@code Encrypt}, if it decrypts cleanly and was sent to {@code appId}. */
    static Either<PushRejection, byte[]> decrypt(String encodingAesKey, String appId, String encrypt) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            return malformed("the account's EncodingAESKey is not 43 Base64 characters (32 bytes)");
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt.trim());
        } catch (IllegalArgumentException e) {
            return malformed("Encrypt is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            return malformed("Encrypt is not a whole number of AES blocks");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            return malformed("Encrypt does not decrypt");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PAD_BLOCK || pad > plain.length) {
            return malformed("bad padding after decryption");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                return malformed("bad padding after decryption");
            }
        }
        int content = plain.length - pad;
        if (content < 20) {
            return malformed("the decrypted message is too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > content - 20) {
            return malformed("the decrypted length field is larger than the message");
        }
        byte[] xml = Arrays.copyOfRange(plain, 20, 20 + length);
        byte[] receiver = Arrays.copyOfRange(plain, 20 + length, content);
        if (!MessageDigest.isEqual(receiver, appId.getBytes(StandardCharsets.UTF_8))) {
            return Either.left(new PushRejection(Reason.WRONG_APPID,
                    "the encrypted message is addressed to another appid"));
        }
        return Either.right(xml);
    }

    private static <T> Either<PushRejection, T> malformed(String detail) {
        return Either.left(new PushRejection(Reason.MALFORMED, detail));
    }
}
