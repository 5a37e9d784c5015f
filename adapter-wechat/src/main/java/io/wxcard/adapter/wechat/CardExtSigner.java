package io.wxcard.adapter.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The JS-SDK {@code addCard} signature (wechat-api.md, section 8): {@code sha1} of the non-empty values among the
 * {@code wx_card} ticket, timestamp, card_id, code, openid and nonce_str, sorted as strings and concatenated.
 */
final class CardExtSigner {
    private static final char[] NONCE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardExtSigner() {}

    static String signature(String apiTicket, String timestamp, String cardId, String code, String openId,
                            String nonceStr) {
        List<String> values = new ArrayList<>();
        for (String value : Arrays.asList(apiTicket, timestamp, cardId, code, openId, nonceStr)) {
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        values.sort(null);
        return sha1Hex(String.join("", values));
    }

    /** A fresh random nonce_str (WeChat allows up to 32 characters). */
    static String nonce() {
        char[] nonce = new char[16];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = NONCE_ALPHABET[RANDOM.nextInt(NONCE_ALPHABET.length)];
        }
        return new String(nonce);
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
