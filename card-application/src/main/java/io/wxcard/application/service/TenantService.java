package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuthenticateApiKeyQuery;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Tenants and their API keys. A key is 32 random bytes, shown once; only its SHA-256 is stored, which is enough for
 * a key with that much entropy (no salt or slow hash needed: nobody can guess a 256-bit value from its hash).
 */
final class TenantService implements ManageTenantsUseCase, AuthenticateApiKeyQuery {

    static final String KEY_PREFIX = "wxk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Read and written as stored: a change is made to the tenant as it is now, never to a remembered copy. */
    private final TenantStore tenants;
    /** What API keys are checked against; forgotten after every change made here. */
    private final RecentTenants recent;
    private final Clock clock;
    private final IdGenerator ids;

    TenantService(TenantStore tenants, RecentTenants recent, Clock clock, IdGenerator ids) {
        this.tenants = tenants;
        this.recent = recent;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, IssuedKey> add(AddTenantCommand command) {
        TenantId id = command.id().getOrElse(() -> new TenantId(ids.newId("t")));
        Secret apiKey = command.apiKey().getOrElse(TenantService::newApiKey);
        Tenant tenant = new Tenant(id, command.name(), command.appId(), command.appSecret(), command.pushToken(),
                command.encodingAesKey(), command.pushMode(), command.merchant(), hash(apiKey.reveal()), clock.now());
        if (tenants.find(id).isDefined()) {
            return Either.left(new Failure.Conflict("tenant " + id + " already exists"));
        }
        return save(tenant, "appid " + command.appId() + " already belongs to another tenant, or the API key is taken")
                .map(saved -> new IssuedKey(saved, apiKey));
    }

    @Override
    public List<Tenant> list() {
        return tenants.list();
    }

    @Override
    public Either<Failure, IssuedKey> rotateKey(TenantId tenantId, Option<Secret> chosenKey) {
        chosenKey.forEach(key -> {
            if (key.reveal().length() < AddTenantCommand.MIN_API_KEY_LENGTH) {
                throw new IllegalArgumentException("an API key has at least " + AddTenantCommand.MIN_API_KEY_LENGTH + " characters");
            }
        });
        Secret apiKey = chosenKey.getOrElse(TenantService::newApiKey);
        return tenants.find(tenantId).toEither(() -> (Failure) new Failure.NotFound("tenant " + tenantId))
                .flatMap(tenant -> save(tenant.withApiKeyHash(hash(apiKey.reveal())), "the new API key clashed; try again"))
                .map(saved -> new IssuedKey(saved, apiKey));
    }

    @Override
    public Either<Failure, Tenant> replaceMerchant(TenantId tenantId, MerchantCredentials merchant) {
        return tenants.find(tenantId).toEither(() -> (Failure) new Failure.NotFound("tenant " + tenantId))
                .flatMap(tenant -> save(new Tenant(tenant.id(), tenant.name(), tenant.appId(), tenant.appSecret(),
                        tenant.pushToken(), tenant.encodingAesKey(), tenant.pushMode(), Option.of(merchant),
                        tenant.apiKeyHash(), tenant.createdAt()), "the tenant could not be saved"));
    }

    @Override
    public Option<Tenant> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(KEY_PREFIX) && apiKey.length() < AddTenantCommand.MIN_API_KEY_LENGTH) {
            return Option.none();
        }
        return recent.findByApiKeyHash(hash(apiKey));
    }

    private Either<Failure, Tenant> save(Tenant tenant, String clash) {
        try {
            tenants.save(tenant);
            return Either.right(tenant);
        } catch (ConcurrentUpdateException refused) {
            return Either.left(new Failure.Conflict(clash));
        } finally {
            recent.forgetAll();
        }
    }

    static Secret newApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Secret.of(KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
