package io.wxcard.domain.ledger;

import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;

/**
 * Which side is right when WeChat's totals for a membership ({@code userinfo/get}) differ from the ledger's.
 *
 * <p>WeChat has no compare-and-set: our syncs send absolute totals, and WeChat tells us of changes made on its side
 * only by {@code update_member_card}, which may also echo our own syncs. So a difference is judged against everything
 * the ledger can explain: its current totals, and while syncs are on their way every state since the oldest of them
 * (WeChat may show any of those). The rules, and why each side is the truth where it is:
 * <ol>
 *   <li>WeChat shows the ledger's totals: in step (an echo of our own sync lands here and books nothing).</li>
 *   <li>WeChat shows a state a sync on its way will move forward: nothing to do; the sync brings WeChat in line.</li>
 *   <li>WeChat reported a change (the event's deltas) and its totals are that change on top of a state the ledger
 *       explains: the change happened on WeChat (a member spent points in WeChat, an operator edited them in the MP
 *       console). WeChat is the truth for what happened there: it is booked as it is, and not sent back.</li>
 *   <li>Same, on top of an older state of ours, and no sync is on its way: the change is booked, and WeChat missed
 *       changes the ledger confirmed, so the ledger's totals (the change included) are sent again: the ledger is the
 *       truth for what the merchant committed.</li>
 *   <li>No change reported (a reconcile run) and WeChat shows an older state of ours, no sync on its way: WeChat
 *       missed confirmed ledger changes (a sync set aside, say): send the ledger's totals again.</li>
 *   <li>Syncs on their way and nothing above fits: undecided; ask again once they are settled.</li>
 *   <li>Otherwise the difference happened on WeChat: booked as one external change.</li>
 * </ol>
 */
public final class TotalsCheck {

    private TotalsCheck() {}

    /** Points and stored value, as WeChat shows them or as a change of them. */
    public record Totals(long points, long balance) {
        public static Totals of(LedgerTotals totals) {
            return new Totals(totals.points().value(), totals.balance().value());
        }

        Totals minus(Totals other) {
            return new Totals(points - other.points, balance - other.balance);
        }

        boolean isZero() {
            return points == 0 && balance == 0;
        }
    }

    /** What to do about a membership's totals. */
    public sealed interface Verdict {
        /** A short account, for logs and reports. */
        String describe();

        record InStep() implements Verdict {
            public String describe() {
                return "in step";
            }
        }

        /** WeChat shows the state after entry {@code sequence}; a sync on its way moves it on. */
        record SyncOnItsWay(long sequence) implements Verdict {
            public String describe() {
                return "WeChat shows the totals after entry " + sequence + "; a sync on its way brings it in line";
            }
        }

        /** A change made on WeChat: book it (not sent back); when {@code resync}, WeChat also missed ours. */
        record ChangedOnWechat(Totals change, boolean resync) implements Verdict {
            public String describe() {
                return "changed on WeChat by " + change.points() + " points and " + change.balance() + " fen"
                        + (resync ? "; WeChat had also missed confirmed ledger changes, so they are sent again" : "");
            }
        }

        /** WeChat shows the state after entry {@code sequence} and nothing is on its way: send the totals again. */
        record WechatBehind(long sequence) implements Verdict {
            public String describe() {
                return "WeChat missed the ledger's changes after entry " + sequence + "; they are sent again";
            }
        }

        /** Syncs are on their way and WeChat's totals fit no state we can explain: ask again once they settle. */
        record Undecided() implements Verdict {
            public String describe() {
                return "WeChat's totals fit no state the ledger explains while syncs are on their way; checked again "
                        + "once they are settled";
            }
        }
    }

    /**
     * @param wechat           what WeChat shows now
     * @param states           the ledger's states, oldest first, the last being its current totals; each is the
     *                         totals after the entry its {@code lastSequence} names ({@link LedgerTotals#EMPTY} for
     *                         before the first); a recent window is enough
     * @param oldestUnsettled  the ledger entry of the oldest sync not yet settled (waiting, backing off or in flight)
     * @param reported         the change WeChat reported ({@code ModifyBonus}, {@code ModifyBalance}), if any
     */
    public static Verdict judge(Totals wechat, List<LedgerTotals> states, Option<Long> oldestUnsettled,
                                Option<Totals> reported) {
        Objects.requireNonNull(wechat, "wechat");
        if (states.isEmpty()) {
            throw new IllegalArgumentException("the ledger's current totals are needed");
        }
        LedgerTotals current = states.get(states.size() - 1);
        if (Totals.of(current).equals(wechat)) {
            return new Verdict.InStep();
        }
        long explainedFrom = oldestUnsettled.map(sequence -> sequence - 1).getOrElse(current.lastSequence());
        Option<LedgerTotals> onItsWay = latestMatching(states, wechat, explainedFrom);
        if (onItsWay.isDefined()) {
            return new Verdict.SyncOnItsWay(onItsWay.get().lastSequence());
        }
        boolean syncing = oldestUnsettled.isDefined();
        if (reported.isDefined() && !reported.get().isZero()) {
            Totals before = wechat.minus(reported.get());
            if (latestMatching(states, before, explainedFrom).isDefined()) {
                return new Verdict.ChangedOnWechat(reported.get(), false);
            }
            if (!syncing && latestMatching(states, before, 0).isDefined()) {
                return new Verdict.ChangedOnWechat(reported.get(), true);
            }
        }
        if (syncing) {
            return new Verdict.Undecided();
        }
        if (reported.isEmpty()) {
            Option<LedgerTotals> older = latestMatching(states, wechat, 0);
            if (older.isDefined()) {
                return new Verdict.WechatBehind(older.get().lastSequence());
            }
        }
        return new Verdict.ChangedOnWechat(wechat.minus(Totals.of(current)), false);
    }

    /** The latest state from entry {@code fromSequence} on whose totals are {@code totals}. */
    private static Option<LedgerTotals> latestMatching(List<LedgerTotals> states, Totals totals, long fromSequence) {
        for (int i = states.size() - 1; i >= 0; i--) {
            LedgerTotals state = states.get(i);
            if (state.lastSequence() >= fromSequence && Totals.of(state).equals(totals)) {
                return Option.of(state);
            }
        }
        return Option.none();
    }
}
