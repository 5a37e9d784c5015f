package io.wxcard.sandbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identifiers WeChat hands out around members: 12-digit codes (unique in the sandbox), the encrypt_code that
 * stands for a code in URLs, and which account an openid belongs to (WeChat openids are per account, so an openid
 * is bound to the first account that gives it a card).
 */
final class Identities {
    record CodeRef(String cardId, String code) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Set<String> generatedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, CodeRef> encryptCodes = new ConcurrentHashMap<>();
    private final Map<String, String> openidOwners = new ConcurrentHashMap<>();

    /** A new 12-digit code, never handed out before. */
    String newCode() {
        while (true) {
            String code = Long.toString(100_000_000_000L + Math.floorMod(random.nextLong(), 900_000_000_000L));
            if (generatedCodes.add(code)) {
                return code;
            }
        }
    }

    /** A new encrypt_code (Base64, like WeChat's), not yet bound to a code: see {@link #remember}. */
    String newEncryptCode() {
        return Base64.getEncoder().encodeToString(randomBytes(48));
    }

    /** Random URL-safe text, for tickets. */
    String newTicket() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }

    /** Records a delivered membership: its encrypt_code now decrypts, its openid belongs to the account. */
    void remember(Membership member, String appId) {
        encryptCodes.put(member.encryptCode, new CodeRef(member.cardId, member.code));
        openidOwners.putIfAbsent(member.openid, appId);
    }

    CodeRef decrypt(String encryptCode) {
        return encryptCode == null ? null : encryptCodes.get(encryptCode);
    }

    /** True when the openid is already bound to another account. */
    boolean belongsElsewhere(String openid, String appId) {
        String owner = openidOwners.get(openid);
        return owner != null && !owner.equals(appId);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** After a restore: the member's code is taken, its encrypt_code decrypts, its openid belongs to the account. */
    void rebuild(Membership member, String appId) {
        generatedCodes.add(member.code);
        remember(member, appId);
    }

    void clear() {
        generatedCodes.clear();
        encryptCodes.clear();
        openidOwners.clear();
    }
}
