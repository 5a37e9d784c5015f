package io.wxcard.application.port.in;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.Tenant;

/** Finds the tenant an API key belongs to. */
public interface AuthenticateApiKeyQuery {
    Option<Tenant> authenticate(String apiKey);
}
