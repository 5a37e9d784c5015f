package io.wxcard.domain.segment;

import io.vavr.control.Option;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.store.StoreId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a segment's criteria read of one member of a card.
 *
 * @param store        the store that brought the member (their receipt's {@code outer_str}), if a store did
 * @param lastActivity the member's latest ledger entry or store visit, if any
 * @param level        the member's level, where the card has levels
 */
public record MemberFacts(Code code, OpenId openId, long points, Option<StoreId> store, Option<Instant> lastActivity,
                          boolean imported, Option<String> level) {
    public MemberFacts {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(openId, "openid");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(lastActivity, "last activity");
        Objects.requireNonNull(level, "level");
    }
}
