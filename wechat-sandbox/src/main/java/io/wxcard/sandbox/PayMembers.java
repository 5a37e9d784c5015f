package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat Pay's member functions beyond the import by openid (membercard-open): the import by phone, the callback URL
 * per merchant, and the {@code MEMBERCARD.*} notifications sent to it when a member takes or activates a card through
 * WeChat Pay. A phone import reserves a code for the phone; the member it belongs to takes the card later (control API
 * {@code POST /sandbox/cards/{card_id}/phone-members/claim}), which WeChat Pay tells through notifications only (no
 * Official Account push, as for the import by openid).
 */
final class PayMembers {
    static final String PHONE_WITHOUT_PAYMENT = "该会员1年内未在本商家有微信支付交易,无法导入";
    private static final Logger LOG = LoggerFactory.getLogger(PayMembers.class);
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /** Retries after the first attempt, and how long apart (WeChat Pay: 15 s, 15 s, 30 s, 3 min, ... over 24 h). */
    private static final int RETRIES = 3;
    private static final Duration RETRY_DELAY = Duration.ofMillis(300);

    /** One phone imported into one card: the code reserved for it, and the openid once the member took the card. */
    private record PhoneImport(String cardId, String phone, String code, String outRequestNo) {}

    private final Apps apps;
    private final Cards cards;
    private final Identities ids;
    private final PlatformKey platformKey;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Stats stats;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> callbacks = new ConcurrentHashMap<>(); // mchid -> url
    private final Map<String, PhoneImport> phoneImports = new ConcurrentHashMap<>(); // card|phone -> import
    private final Map<String, Boolean> phonesWithoutPayment = new ConcurrentHashMap<>();

    PayMembers(Apps apps, Cards cards, Identities ids, PlatformKey platformKey, HttpClient http,
               ScheduledExecutorService scheduler, Stats stats) {
        this.apps = apps;
        this.cards = cards;
        this.ids = ids;
        this.platformKey = platformKey;
        this.http = http;
        this.scheduler = scheduler;
        this.stats = stats;
    }

    // ---- callback registration ----------------------------------------------------------------------------------

    /** {@code POST /v3/marketing/membercard-open/callback {url}}: an https URL on WeChat; the sandbox takes http too. */
    ObjectNode setCallback(Apps.Registered merchant, String url) {
        if (url == null || url.isBlank()) {
            throw PayException.param("url", "is required");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw PayException.param("url", "must be an http(s) URL");
        }
        callbacks.put(merchant.app().merchantId(), url);
        return callback(merchant);
    }

    ObjectNode callback(Apps.Registered merchant) {
        String url = callbacks.get(merchant.app().merchantId());
        if (url == null) {
            throw new PayException(404, "RESOURCE_NOT_EXISTS", "no callback URL is set for this merchant");
        }
        return Json.object().put("mchid", merchant.app().merchantId()).put("url", url);
    }

    // ---- import by phone ----------------------------------------------------------------------------------------

    /**
     * {@code POST .../cards/{card_id}/phone-membercard/import}: the phone, encrypted with the platform public key
     * (RSA/ECB/OAEPWithSHA-1AndMGF1Padding, Base64), names in {@code Wechatpay-Serial} the key it was encrypted with.
     * The same out_request_no (or phone) answers the code reserved before.
     */
    String importByPhone(Apps.Registered merchant, String cardId, String wechatpaySerial, String encryptedPhone,
                         String code, String outRequestNo, PayImport upgrades) {
        if (wechatpaySerial == null || wechatpaySerial.isBlank()) {
            throw PayException.param("Wechatpay-Serial", "header is required: the serial of the key the phone is "
                    + "encrypted with");
        }
        if (!wechatpaySerial.equalsIgnoreCase(platformKey.serial())) {
            throw new PayException(400, "PARAM_ERROR", "Wechatpay-Serial " + wechatpaySerial
                    + " is not a platform certificate of this merchant");
        }
        String phone = decrypt(encryptedPhone);
        if (!MAINLAND_MOBILE.matcher(phone).matches()) {
            throw PayException.param("encrypted_phone_number", "does not hold a mainland mobile number");
        }
        Card card = cards.find(cardId);
        if (card == null) {
            throw new PayException(400, "INVALID_REQUEST", PayImport.UNKNOWN_CARD);
        }
        if (!card.appId.equals(merchant.appId())) {
            throw new PayException(400, "INVALID_REQUEST", PayImport.OTHER_MERCHANTS_CARD);
        }
        if (apps.requiresCardUpgrade(card.appId) && !upgrades.isUpgraded(card.id)) {
            throw new PayException(400, "INVALID_REQUEST", PayImport.NOT_UPGRADED);
        }
        if (phonesWithoutPayment.containsKey(phone)) {
            throw new PayException(400, "INVALID_REQUEST", PHONE_WITHOUT_PAYMENT);
        }
        synchronized (phoneImports) {
            PhoneImport known = phoneImports.get(card.id + "|" + phone);
            if (known != null) {
                return known.code;
            }
            String reserved = code == null || code.isBlank() ? ids.newCode() : code;
            if (card.hasCode(reserved)) {
                throw new PayException(400, "INVALID_REQUEST", "code " + reserved + " is already used on this card");
            }
            phoneImports.put(card.id + "|" + phone, new PhoneImport(card.id, phone, reserved, outRequestNo));
            stats.imports.increment();
            return reserved;
        }
    }

    /** Control: the member behind the phone has made no WeChat Pay payment here within a year (WeChat Pay refuses). */
    void markPhoneWithoutPayment(String phone) {
        phonesWithoutPayment.put(phone, true);
    }

    private String decrypt(String encryptedPhone) {
        if (encryptedPhone == null || encryptedPhone.isBlank()) {
            throw PayException.param("encrypted_phone_number", "is required");
        }
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            cipher.init(Cipher.DECRYPT_MODE, platformKey.privateKey());
            return new String(cipher.doFinal(Base64.getDecoder().decode(encryptedPhone)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw PayException.param("encrypted_phone_number", "does not decrypt with the platform key "
                    + platformKey.serial() + " (RSA-OAEP, Base64)");
        }
    }

    // ---- members taking cards, and the notifications ------------------------------------------------------------

    /** Control: the member whose phone was imported takes the card with their openid; answers the code. */
    String claimByPhone(String cardId, String phone, String openid) {
        PhoneImport imported = phoneImports.get(cardId + "|" + phone);
        if (imported == null) {
            throw WxException.invalidArgs("no phone import of " + phone + " into card " + cardId);
        }
        Card card = requiredCard(cardId);
        Membership member = addActive(card, openid, imported.code, null);
        notifyTaken(card, member, "PHONE_IMPORT");
        return member.code;
    }

    /** Control: a member takes and activates the card through WeChat Pay (after a payment, say); answers the code. */
    String activateThroughPay(String cardId, String openid, String outerStr) {
        Card card = requiredCard(cardId);
        Membership member = addActive(card, openid, ids.newCode(), outerStr);
        notifyTaken(card, member, "PAY");
        return member.code;
    }

    private Card requiredCard(String cardId) {
        Card card = cards.find(cardId);
        if (card == null) {
            throw new WxException(40073, "invalid card_id: " + cardId);
        }
        return card;
    }

    private Membership addActive(Card card, String openid, String code, String outerStr) {
        synchronized (card) {
            if (!card.codesHeldBy(openid).isEmpty()) {
                throw WxException.invalidArgs("openid " + openid + " already holds card " + card.id);
            }
            Membership member = new Membership(card.id, code, openid, cards.now(), outerStr, 0, null, null,
                    ids.newEncryptCode());
            member.activate(code, cards.now());
            Membership kept = card.receive(member, true, false);
            ids.remember(kept, card.appId);
            return kept;
        }
    }

    /** MEMBERCARD.ACCEPT_CARD, then MEMBERCARD.ACTIVATE_CARD, to the merchant's callback URL (none set: none sent). */
    private void notifyTaken(Card card, Membership member, String scene) {
        Apps.Registered account = apps.byAppId(card.appId).orElse(null);
        String url = account == null ? null : callbacks.get(account.app().merchantId());
        if (url == null) {
            LOG.info("card {}: no WeChat Pay callback URL set for its merchant; no MEMBERCARD notification sent", card.id);
            return;
        }
        String apiV3Key = account.app().apiV3Key();
        send(url, apiV3Key, notification("MEMBERCARD.ACCEPT_CARD", "MEMBER_CARD_ACCEPT", card, member, scene, apiV3Key), 0);
        send(url, apiV3Key, notification("MEMBERCARD.ACTIVATE_CARD", "MEMBER_CARD_ACTIVATE", card, member, scene,
                apiV3Key), 0);
    }

    private String notification(String eventType, String innerType, Card card, Membership member, String scene,
                                String apiV3Key) {
        ObjectNode resource = Json.object().put("event_type", innerType).put("card_id", card.id)
                .put("code", member.code).put("openid", member.openid)
                .put("event_time", PayRoutes.rfc3339(Instant.now())).put("activate_scene", scene);
        if (member.outerStr != null) {
            resource.put("outer_str", member.outerStr);
        }
        String nonce = randomText(12);
        ObjectNode body = Json.object().put("id", UUID.randomUUID().toString())
                .put("create_time", PayRoutes.rfc3339(Instant.now())).put("event_type", eventType)
                .put("resource_type", "encrypt-resource").put("summary", "会员卡事件通知");
        body.putObject("resource").put("algorithm", "AEAD_AES_256_GCM").put("original_type", "membercard")
                .put("associated_data", "membercard").put("nonce", nonce)
                .put("ciphertext", PaySignatures.aeadEncrypt(apiV3Key, nonce, "membercard", Json.write(resource)));
        return Json.write(body);
    }

    /** Posts a signed notification; retried with the same body and signature while the merchant does not answer 2xx. */
    private void send(String url, String apiV3Key, String body, int attempt) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = randomText(32);
        PlatformKey.Signer signer = platformKey.signer();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Request-ID", UUID.randomUUID().toString())
                .header("Wechatpay-Timestamp", timestamp).header("Wechatpay-Nonce", nonce)
                .header("Wechatpay-Serial", signer.serial())
                .header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                .header("Wechatpay-Signature", signer.sign(PaySignatures.responseMessage(timestamp, nonce, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            boolean delivered = failure == null && response.statusCode() / 100 == 2;
            if (delivered) {
                return;
            }
            if (attempt < RETRIES) {
                scheduler.schedule(() -> send(url, apiV3Key, body, attempt + 1), RETRY_DELAY.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                LOG.warn("MEMBERCARD notification to {} not delivered after {} attempts ({})", url, attempt + 1,
                        failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode());
            }
        });
    }

    private String randomText(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length).toUpperCase(Locale.ROOT);
    }

    void clear() {
        callbacks.clear();
        phoneImports.clear();
        phonesWithoutPayment.clear();
    }
}
