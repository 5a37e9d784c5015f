package io.wxcard.application.port.out;

import io.vavr.control.Option;
import io.wxcard.domain.membership.MembershipKey;

/**
 * The level a member has reached, where the card has levels: what a segment's "level" criterion reads. Levels are
 * kept by the part of the product that owns them; until it is wired, {@link #NONE} says there are none to read.
 */
public interface MemberLevels {

    MemberLevels NONE = new MemberLevels() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Option<String> levelOf(MembershipKey key) {
            return Option.none();
        }
    };

    /** Whether levels are kept at all. */
    boolean available();

    Option<String> levelOf(MembershipKey key);
}
