package io.wxcard.application.service;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;

/**
 * The phone of a member imported through WeChat Pay's import by phone, on its way to the member's profile. WeChat Pay
 * answers the import with the code it reserved, and the membership appears later under that code, from a
 * notification that carries no phone: so the phone waits under the membership's key ({@link PhoneImportStore}) and
 * moves to the profile when the membership appears, which makes the member found by phone. Run inside the caller's
 * transaction; the phone (personal data) is never in a message.
 */
final class ImportedPhones {

    private final PhoneImportStore phones;
    private final MembershipStore memberships;
    private final MemberProfileStore profiles;
    private final Clock clock;

    ImportedPhones(PhoneImportStore phones, MembershipStore memberships, MemberProfileStore profiles, Clock clock) {
        this.phones = phones;
        this.memberships = memberships;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** After an import by phone: on the profile at once if the membership is there already, else kept until it is. */
    void imported(MembershipKey key, Phone phone) {
        Phone normalised = new Phone(phone.normalised());
        memberships.find(key).map(Membership::openId).fold(() -> {
            phones.keep(key, normalised, clock.now());
            return null;
        }, openId -> {
            onProfile(key, openId, normalised);
            return null;
        });
    }

    /** A membership appeared: the phone imported for its code, if any, goes on its profile and is forgotten here. */
    void membershipAppeared(MembershipKey key, OpenId openId) {
        phones.find(key).forEach(phone -> {
            onProfile(key, openId, phone);
            phones.forget(key);
        });
    }

    private void onProfile(MembershipKey key, OpenId openId, Phone phone) {
        MemberProfile imported = MemberProfile.imported(key, openId, phone, clock.now());
        profiles.save(profiles.find(key).map(known -> known.updatedBy(imported)).getOrElse(imported));
    }
}
