package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/** Adds tenants (WeChat official accounts), lists them, and rotates their API keys. */
public interface ManageTenantsUseCase {

    Either<Failure, IssuedKey> add(AddTenantCommand command);

    List<Tenant> list();

    /** Issues a new API key (the chosen one, or a generated one); the old one stops working at once. */
    Either<Failure, IssuedKey> rotateKey(TenantId tenantId, Option<Secret> chosenKey);

    /** Replaces (or adds) the tenant's WeChat Pay merchant credentials. */
    Either<Failure, Tenant> replaceMerchant(TenantId tenantId, MerchantCredentials merchant);

    /**
     * @param id     chosen id, or a generated one
     * @param apiKey a chosen API key (a demo's well-known key, say), or a generated one; at least 24 characters
     */
    record AddTenantCommand(Option<TenantId> id, String name, AppId appId, Secret appSecret, Secret pushToken,
                            Option<Secret> encodingAesKey, PushMode pushMode, Option<MerchantCredentials> merchant,
                            Option<Secret> apiKey) {
        public static final int MIN_API_KEY_LENGTH = 24;

        public AddTenantCommand {
            Objects.requireNonNull(id, "id");
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("a tenant needs a name of 1 to 100 characters");
            }
            Objects.requireNonNull(appId, "appid");
            Objects.requireNonNull(appSecret, "appsecret");
            Objects.requireNonNull(pushToken, "push token");
            Objects.requireNonNull(encodingAesKey, "EncodingAESKey");
            Objects.requireNonNull(pushMode, "push mode");
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(apiKey, "API key");
            if (pushMode == PushMode.SAFE && encodingAesKey.isEmpty()) {
                throw new IllegalArgumentException("safe mode needs the EncodingAESKey");
            }
            encodingAesKey.forEach(key -> {
                if (key.reveal().length() != 43) {
                    throw new IllegalArgumentException("an EncodingAESKey has 43 characters");
                }
            });
            apiKey.forEach(key -> {
                if (key.reveal().length() < MIN_API_KEY_LENGTH) {
                    throw new IllegalArgumentException("an API key has at least " + MIN_API_KEY_LENGTH + " characters");
                }
            });
        }
    }

    /** A tenant and its API key, which is shown this once and stored only as a hash. */
    record IssuedKey(Tenant tenant, Secret apiKey) {}
}
