package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.Phone;
import java.time.Instant;

/**
 * The phones of members imported through WeChat Pay's import by phone, until their membership appears. WeChat Pay
 * answers the import with the code it reserved for the phone, and its later MEMBERCARD notification names that card
 * and code (with an openid, but no phone): so the phone is kept under the membership's key (tenant, card, reserved
 * code) before the membership exists, and put on the member's profile when it does. Personal data: kept normalised,
 * never logged, and forgotten once on the profile.
 */
public interface PhoneImportStore {

    /** Keeps the phone imported for the membership's code; the same key again replaces it (the latest import wins). */
    void keep(MembershipKey membership, Phone phone, Instant importedAt);

    Option<Phone> find(MembershipKey membership);

    /** Forgets the phone kept for the key, if any (it is on the member's profile now). */
    void forget(MembershipKey membership);
}
