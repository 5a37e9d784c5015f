package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform keys a merchant trusts at once, by serial: the configured one (a platform certificate's serial, or a
 * WeChat Pay public key's {@code PUB_KEY_ID_...}), always, and the certificates {@code GET /v3/certificates} lists,
 * downloaded when an answer first names a serial not known yet (a rotation), and again once {@link #REFRESH_EVERY}
 * has passed. Refreshes are single-flight per merchant; a serial a refresh did not find is not
 * looked for again within {@link #MISSING_SERIAL_PAUSE}.
 *
 * <p>Why a downloaded certificate is trusted: each one is AEAD_AES_256_GCM-encrypted under the merchant's APIv3 key
 * (associated_data "certificate"), whose tag only holds for someone who knows that key, and the list came over TLS;
 * that is what WeChat Pay's own Java SDK relies on (wechatpay-apiv3/wechatpay-java, {@code RSAAutoCertificateProvider}
 * downloads with an always-true validator). On top of it the answer's own signature must verify, with a key already
 * trusted or with the certificate it lists under its {@code Wechatpay-Serial} (the check of wechatpay-apiv3's
 * CertificateDownloader). No CA path is checked (the sandbox's certificates are self-signed).
 */
final class PlatformKeys {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformKeys.class);
    /** WeChat Pay asks to poll at least every 12 hours. */
    static final Duration REFRESH_EVERY = Duration.ofHours(12);
    static final Duration MISSING_SERIAL_PAUSE = Duration.ofMinutes(1);
    static final Duration FAILED_REFRESH_PAUSE = Duration.ofMinutes(1);
    private static final Method CERTIFICATES = PayClient.endpoint("certificates");

    /** One merchant's downloaded keys; refreshed under its own lock. */
    private static final class Downloaded {
        volatile Map<String, PublicKey> keys = Map.of();
        volatile Instant refreshDue;
        final Map<String, Instant> missing = new HashMap<>();
        /** When a notification's unknown serial last made a download: anyone may post one, so once a pause. */
        Instant notificationLookup;
    }

    private final PayApi api;
    private final PayClient client;
    private final Clock clock;
    private final ConcurrentMap<MerchantCredentials, Downloaded> merchants = new ConcurrentHashMap<>();

    PlatformKeys(PayApi api, PayClient client, Clock clock) {
        this.api = api;
        this.client = client;
        this.clock = clock;
    }

    /** What verifies the merchant's answers: serial to key, refreshing the list on an unknown serial. */
    Function<String, Option<PublicKey>> trusted(PayClient.Merchant merchant) {
        return serial -> keyFor(merchant, serial, false);
    }

    /**
     * What verifies the merchant's notifications: exactly the keys that verify its answers (the configured one and
     * the downloaded certificates, so a notification signed under a new serial during a rotation is believed), never
     * a key the notification brings. The notification route is public, so an unknown serial there makes at most one
     * download per {@link #MISSING_SERIAL_PAUSE} for the merchant, whatever serials strangers invent.
     */
    Function<String, Option<PublicKey>> trustedForNotifications(PayClient.Merchant merchant) {
        return serial -> keyFor(merchant, serial, true);
    }

    private Option<PublicKey> keyFor(PayClient.Merchant merchant, String serial, boolean notification) {
        if (serial.equalsIgnoreCase(merchant.configuredSerial())) {
            return Option.of(merchant.configuredPlatformKey());
        }
        Downloaded downloaded = merchants.computeIfAbsent(merchant.credentials(), m -> new Downloaded());
        String key = normalized(serial);
        Instant now = clock.now();
        Instant due = downloaded.refreshDue;
        boolean stale = due != null && now.isAfter(due);
        PublicKey known = downloaded.keys.get(key);
        if (known != null && !stale) {
            return Option.of(known);
        }
        synchronized (downloaded) { // single flight: the others wait here and use what the first one fetched
            Instant missingSince = downloaded.missing.get(key);
            boolean lookAgain = known == null
                    && (missingSince == null || now.isAfter(missingSince.plus(MISSING_SERIAL_PAUSE)))
                    && (!notification || downloaded.notificationLookup == null
                        || now.isAfter(downloaded.notificationLookup.plus(MISSING_SERIAL_PAUSE)));
            if (downloaded.refreshDue == due && (stale || lookAgain)) {
                if (notification && lookAgain) {
                    downloaded.notificationLookup = now;
                }
                refresh(merchant, downloaded);
            }
            known = downloaded.keys.get(key);
            if (known == null && lookAgain) {
                downloaded.missing.put(key, clock.now());
            }
        }
        return Option.of(known);
    }

    /** Downloads the list (the caller holds the merchant's lock); keeps the old keys when it fails. */
    private void refresh(PayClient.Merchant merchant, Downloaded downloaded) {
        Either<WechatError, Map<String, PublicKey>> fetched = WechatHttp.either(() -> download(merchant,
                downloaded.keys));
        if (fetched.isRight()) {
            downloaded.keys = Map.copyOf(fetched.get());
            downloaded.missing.clear();
            downloaded.refreshDue = clock.now().plus(REFRESH_EVERY);
            LOG.info("trusting {} WeChat Pay platform certificate(s) for mchid {}: {}", fetched.get().size(),
                    merchant.credentials().merchantId(), fetched.get().keySet());
        } else {
            downloaded.refreshDue = clock.now().plus(FAILED_REFRESH_PAUSE);
            LOG.warn("could not refresh the WeChat Pay platform certificates of mchid {}: {}",
                    merchant.credentials().merchantId(), fetched.getLeft());
        }
    }

    private Map<String, PublicKey> download(PayClient.Merchant merchant, Map<String, PublicKey> before) {
        return client.call(CERTIFICATES, merchant, "GET", "/v3/certificates", new byte[0],
                null, // the signature is checked below, once the certificates are decrypted
                (authorization, serial) -> api.certificates(authorization, serial),
                raw -> verified(merchant, before, raw));
    }

    private Map<String, PublicKey> verified(PayClient.Merchant merchant, Map<String, PublicKey> before,
                                            PayClient.Raw raw) {
        if (raw.status() != 200) {
            throw PayClient.thrown(PayClient.error(raw));
        }
        JsonNode data = raw.json() == null ? null : raw.json().get("data");
        if (data == null || !data.isArray()) {
            throw new WechatCallException(Answers.missing("data"), Repeat.NEVER);
        }
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode row : data) {
            X509Certificate certificate = decrypt(merchant, row);
            if (certificate.getNotAfter().before(Date.from(clock.now()))) {
                continue; // expired: no answer may be signed with it any more
            }
            keys.put(normalized(certificate.getSerialNumber().toString(16)), certificate.getPublicKey());
        }
        Option<String> distrust = PaySignatures.distrust(raw.signed(), raw.body(), serial -> {
            String key = normalized(serial);
            if (serial.equalsIgnoreCase(merchant.configuredSerial())) {
                return Option.of(merchant.configuredPlatformKey());
            }
            return Option.of(before.getOrDefault(key, keys.get(key)));
        }, clock.now());
        if (distrust.isDefined()) {
            throw PayClient.untrusted(raw.status(), "the platform certificate list: " + distrust.get());
        }
        return keys;
    }

    private static X509Certificate decrypt(PayClient.Merchant merchant, JsonNode row) {
        JsonNode encrypted = row.get("encrypt_certificate");
        String serial = PayClient.text(row, "serial_no");
        if (encrypted == null || serial == null
                || !"AEAD_AES_256_GCM".equals(PayClient.text(encrypted, "algorithm"))) {
            throw new WechatCallException(Answers.missing("serial_no or an AEAD_AES_256_GCM encrypt_certificate"),
                    Repeat.NEVER);
        }
        String pem = WechatPayNotifications.decryptResource(merchant.credentials().apiV3Key(),
                        PayClient.text(encrypted, "associated_data"), String.valueOf(PayClient.text(encrypted, "nonce")),
                        String.valueOf(PayClient.text(encrypted, "ciphertext")))
                .getOrElseThrow(error -> new WechatCallException(error, Repeat.NEVER));
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (!normalized(certificate.getSerialNumber().toString(16)).equals(normalized(serial))) {
                throw new WechatCallException(new WechatError(Kind.UNTRUSTED_ANSWER, "untrusted_answer",
                        "platform certificate " + serial + " carries another serial"), Repeat.NEVER);
            }
            return certificate;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new WechatCallException(new WechatError(Kind.UNTRUSTED_ANSWER, "untrusted_answer",
                    "platform certificate " + serial + " is not an X.509 certificate"), Repeat.NEVER);
        }
    }

    /** Serials compared as numbers: upper-case hex without leading zeros. */
    private static String normalized(String serial) {
        try {
            return new BigInteger(serial.trim(), 16).toString(16).toUpperCase(Locale.ROOT);
        } catch (NumberFormatException e) {
            return serial.trim().toUpperCase(Locale.ROOT);
        }
    }
}
