package io.wxcard.domain.store;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Text;

/** Our identifier of one of a tenant's stores (门店). */
public record StoreId(String value) {
    public static final int MAX_LENGTH = 64;

    public StoreId {
        Text.requireIdentifier(value, "store id", MAX_LENGTH);
    }

    /** The store id in a text that may hold one, none when it does not. */
    public static Option<StoreId> parse(String raw) {
        return Text.isIdentifier(raw, MAX_LENGTH) ? Option.of(new StoreId(raw)) : Option.none();
    }

    @Override
    public String toString() {
        return value;
    }
}
