package io.wxcard.sandbox;

import java.util.Base64;

/**
 * One official account registered with the sandbox, and optionally the WeChat Pay merchant bound to it.
 *
 * @param appId                the account's appid
 * @param appSecret            its appsecret, checked by /cgi-bin/token
 * @param token                the message token the pushes are signed with (nullable: pushes then sign with "")
 * @param encodingAesKey       the 43-character EncodingAESKey; required in safe mode
 * @param callbackUrl          where events are pushed; null: events are recorded but not sent
 * @param mode                 "plain" or "safe" (null means plain)
 * @param merchantId           the WeChat Pay mchid allowed to import members into this account's cards; nullable
 * @param merchantSerial       the serial_no of the merchant's API certificate; required with a merchantId
 * @param merchantPublicKeyPem the merchant's public key (or certificate) PEM; required with a merchantId
 * @param apiV3Key             the merchant's APIv3 key (32 characters), which encrypts the platform certificates of
 *                             {@code GET /v3/certificates}; nullable
 */
public record SandboxApp(
        String appId,
        String appSecret,
        String token,
        String encodingAesKey,
        String callbackUrl,
        String mode,
        String merchantId,
        String merchantSerial,
        String merchantPublicKeyPem,
        String apiV3Key) {

    public static final String PLAIN = "plain";
    public static final String SAFE = "safe";

    public SandboxApp {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId must be given");
        }
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("appSecret must be given");
        }
        mode = mode == null || mode.isBlank() ? PLAIN : mode.trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals(PLAIN) && !mode.equals(SAFE)) {
            throw new IllegalArgumentException("mode must be \"plain\" or \"safe\", got \"" + mode + "\"");
        }
        if (encodingAesKey != null && !encodingAesKey.isEmpty()) {
            requireValidAesKey(encodingAesKey);
        } else if (mode.equals(SAFE)) {
            throw new IllegalArgumentException("safe mode needs an encodingAesKey (43 characters)");
        }
        if (merchantId != null && !merchantId.isBlank()) {
            if (merchantSerial == null || merchantSerial.isBlank()) {
                throw new IllegalArgumentException("a merchantId needs the merchantSerial of its certificate");
            }
            if (merchantPublicKeyPem == null || merchantPublicKeyPem.isBlank()) {
                throw new IllegalArgumentException("a merchantId needs the merchantPublicKeyPem");
            }
        }
        if (apiV3Key != null && !apiV3Key.isEmpty()
                && apiV3Key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length != 32) {
            throw new IllegalArgumentException("apiV3Key must be 32 bytes (WeChat Pay's APIv3 key)");
        }
    }

    /** An account without an APIv3 key (the form before {@code apiV3Key} existed). */
    public SandboxApp(String appId, String appSecret, String token, String encodingAesKey, String callbackUrl,
                      String mode, String merchantId, String merchantSerial, String merchantPublicKeyPem) {
        this(appId, appSecret, token, encodingAesKey, callbackUrl, mode, merchantId, merchantSerial,
                merchantPublicKeyPem, null);
    }

    private static void requireValidAesKey(String key) {
        byte[] decoded;
        try {
            decoded = key.length() == 43 ? Base64.getDecoder().decode(key + "=") : new byte[0];
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        if (decoded.length != 32) {
            throw new IllegalArgumentException("encodingAesKey must be 43 Base64 characters encoding 32 bytes");
        }
    }

    /** An account whose events are pushed in plain mode. */
    public static SandboxApp plain(String appId, String appSecret, String token, String callbackUrl) {
        return new SandboxApp(appId, appSecret, token, null, callbackUrl, PLAIN, null, null, null);
    }

    /** An account whose events are pushed encrypted (safe mode). */
    public static SandboxApp safe(String appId, String appSecret, String token, String encodingAesKey,
                                  String callbackUrl) {
        return new SandboxApp(appId, appSecret, token, encodingAesKey, callbackUrl, SAFE, null, null, null);
    }

    public SandboxApp withCallbackUrl(String url) {
        return new SandboxApp(appId, appSecret, token, encodingAesKey, url, mode, merchantId, merchantSerial,
                merchantPublicKeyPem, apiV3Key);
    }

    /** Binds a WeChat Pay merchant, whose requests are verified with this public key. */
    public SandboxApp withMerchant(String mchid, String serial, String publicKeyPem) {
        return new SandboxApp(appId, appSecret, token, encodingAesKey, callbackUrl, mode, mchid, serial,
                publicKeyPem, apiV3Key);
    }

    /** The merchant's APIv3 key, with which {@code GET /v3/certificates} encrypts the platform certificates. */
    public SandboxApp withApiV3Key(String key) {
        return new SandboxApp(appId, appSecret, token, encodingAesKey, callbackUrl, mode, merchantId, merchantSerial,
                merchantPublicKeyPem, key);
    }

    /** Never prints the secret, the token, the AES key or the APIv3 key. */
    @Override
    public String toString() {
        return "SandboxApp[appId=" + appId + ", mode=" + mode + ", callbackUrl=" + callbackUrl
                + ", merchantId=" + merchantId + ", merchantSerial=" + merchantSerial + "]";
    }
}
