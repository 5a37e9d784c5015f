package io.wxcard.domain.store;

import io.wxcard.domain.shared.Text;

/** Our identifier of one of a tenant's stores (门店). */
public record StoreId(String value) {
    public StoreId {
        Text.requireIdentifier(value, "store id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
