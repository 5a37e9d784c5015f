package io.wxcard.domain.tenant;

import io.wxcard.domain.shared.Text;

/** Our identifier of a tenant: one WeChat official account (appid) with its credentials. */
public record TenantId(String value) {
    public TenantId {
        Text.requireIdentifier(value, "tenant id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
