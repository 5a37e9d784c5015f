package io.wxcard.domain.tenant;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.util.Objects;

/**
 * One WeChat official account with its credentials. Every card belongs to exactly one tenant, and a tenant's API key
 * sees only its own cards.
 *
 * @param apiKeyHash     the hash of the tenant's API key; the key itself is shown once and never stored
 * @param pushToken      the Token configured on WeChat's server settings page, which signs pushes
 * @param encodingAesKey the 43-character EncodingAESKey, required in safe mode
 */
public record Tenant(
        TenantId id,
        String name,
        AppId appId,
        Secret appSecret,
        Secret pushToken,
        Option<Secret> encodingAesKey,
        PushMode pushMode,
        Option<MerchantCredentials> merchant,
        String apiKeyHash,
        Instant createdAt) {

    public Tenant {
        Objects.requireNonNull(id, "tenant id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(appId, "appid");
        Objects.requireNonNull(appSecret, "appsecret");
        Objects.requireNonNull(pushToken, "push token");
        encodingAesKey = encodingAesKey == null ? Option.none() : encodingAesKey;
        Objects.requireNonNull(pushMode, "push mode");
        merchant = merchant == null ? Option.none() : merchant;
        Objects.requireNonNull(apiKeyHash, "API key hash");
        Objects.requireNonNull(createdAt, "created at");
        if (pushMode == PushMode.SAFE && encodingAesKey.isEmpty()) {
            throw new IllegalArgumentException("safe mode needs the EncodingAESKey");
        }
        encodingAesKey.forEach(key -> {
            if (key.reveal().length() != 43) {
                throw new IllegalArgumentException("an EncodingAESKey has 43 characters");
            }
        });
    }

    /** The WeChat Pay credentials that importing existing members needs, or why there are none. */
    public Either<Rejection, MerchantCredentials> checkCanImportMembers() {
        return checkWechatPay("importing members");
    }

    /** The WeChat Pay credentials that {@code purpose} (a WeChat Pay call) needs, or why there are none. */
    public Either<Rejection, MerchantCredentials> checkWechatPay(String purpose) {
        return merchant.toEither(() -> Rejection.of(RejectionCode.TENANT_HAS_NO_MERCHANT_CREDENTIALS, "tenant " + id
                + " has no WeChat Pay merchant credentials, which " + purpose + " needs; add them to the tenant first"));
    }

    public Tenant withApiKeyHash(String newHash) {
        return new Tenant(id, name, appId, appSecret, pushToken, encodingAesKey, pushMode, merchant, newHash, createdAt);
    }
}
