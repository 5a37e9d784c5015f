package io.wxcard.spring;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Adds the tenants of {@code wxcard.tenants} that the tenant store does not hold yet, once every bean is made and
 * before the loops and the web server start. A tenant already stored is left as it is (its API key was shown once,
 * and its credentials may have been rotated since): the properties seed a store, they do not overwrite it.
 */
public final class ConfiguredTenants implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredTenants.class);

    private final List<TenantProperties> configured;
    private final ManageTenantsUseCase tenants;

    public ConfiguredTenants(List<TenantProperties> configured, ManageTenantsUseCase tenants) {
        this.configured = List.copyOf(configured);
        this.tenants = tenants;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (configured.isEmpty()) {
            return;
        }
        Set<TenantId> stored = tenants.list().stream().map(Tenant::id).collect(Collectors.toSet());
        for (int i = 0; i < configured.size(); i++) {
            AddTenantCommand command = command(configured.get(i), "wxcard.tenants[" + i + "]");
            if (stored.contains(command.id().get())) {
                LOG.info("tenant {} is stored already; wxcard.tenants[{}] is not applied to it", command.id().get(), i);
                continue;
            }
            Either<Failure, ManageTenantsUseCase.IssuedKey> added = tenants.add(command);
            if (added.isLeft()) {
                throw new IllegalStateException("wxcard.tenants[" + i + "] could not be added: " + added.getLeft().detail());
            }
            LOG.info("tenant {} (appid {}) added from wxcard.tenants[{}]", command.id().get(), command.appId(), i);
        }
    }

    /** The command, or an error that names the property at fault (and never a secret's value). */
    static AddTenantCommand command(TenantProperties tenant, String property) {
        try {
            PushMode mode = PushMode.valueOf(required(tenant.getPushMode(), property + ".push-mode").toUpperCase(Locale.ROOT));
            return new AddTenantCommand(Option.of(new TenantId(required(tenant.getId(), property + ".id"))),
                    tenant.getName() == null || tenant.getName().isBlank() ? tenant.getId() : tenant.getName(),
                    new AppId(required(tenant.getAppId(), property + ".app-id")),
                    Secret.of(required(tenant.getAppSecret(), property + ".app-secret")),
                    Secret.of(required(tenant.getPushToken(), property + ".push-token")),
                    Option.of(tenant.getEncodingAesKey()).filter(key -> !key.isBlank()).map(Secret::of), mode,
                    Option.none(), Option.none());
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(property + " is not a valid tenant: " + invalid.getMessage()
                    + " (push-mode is PLAIN or SAFE)", invalid);
        }
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is missing");
        }
        return value;
    }
}
