package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.Phone;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PhoneImportStore} in a map. */
public final class InMemoryPhoneImportStore implements PhoneImportStore, InMemoryStores.Snapshottable {

    private final Map<MembershipKey, Phone> phones = new ConcurrentHashMap<>();

    @Override
    public void keep(MembershipKey membership, Phone phone, Instant importedAt) {
        phones.put(membership, phone);
    }

    @Override
    public Option<Phone> find(MembershipKey membership) {
        return Option.of(phones.get(membership));
    }

    @Override
    public Object snapshot() {
        return Map.copyOf(phones);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        phones.clear();
        phones.putAll((Map<MembershipKey, Phone>) snapshot);
    }

    @Override
    public void forget(MembershipKey membership) {
        phones.remove(membership);
    }
}
