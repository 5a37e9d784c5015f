package io.wxcard.application.port.out;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.membership.MembershipKey;
import java.util.Objects;

/**
 * The level a member has reached, where the card has levels: what a segment's "level" criterion reads. Levels are
 * kept by the loyalty programme ({@link MemberStandingStore}, read through {@link #of}); an embedding without it
 * wires {@link #NONE}, which says there are none to read.
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

    /** The levels the loyalty programme keeps: a member without a standing (or a card without levels) has none. */
    static MemberLevels of(MemberStandingStore standings) {
        Objects.requireNonNull(standings, "standings");
        return new MemberLevels() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Option<String> levelOf(MembershipKey key) {
                return standings.find(key).flatMap(MemberStanding::level).map(LevelName::value);
            }
        };
    }

    /** Whether levels are kept at all. */
    boolean available();

    Option<String> levelOf(MembershipKey key);
}
