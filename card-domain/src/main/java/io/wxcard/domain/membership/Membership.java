package io.wxcard.domain.membership;

import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_ALREADY_ACTIVATED;
import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_NOT_ACTIVATED;
import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_NOT_DELETED;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.Ledger;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.LedgerOutcome;
import io.wxcard.domain.ledger.LedgerTotals;
import io.wxcard.domain.membership.MembershipEvent.MembershipInvalidated;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One member's card: a code held by one openid, with its points and stored value (see {@link MembershipState}).
 *
 * <p>Immutable: every operation returns either a {@link Rejection} or the changed membership with its events. Facts
 * WeChat reports about a membership that can no longer change (a member deleting an invalidated card) are accepted
 * and change nothing, since WeChat will not take them back.
 */
public final class Membership {

    private final MembershipSnapshot s;

    Membership(MembershipSnapshot snapshot) {
        this.s = Objects.requireNonNull(snapshot, "snapshot");
    }

    /**
     * A member received the card ({@code user_get_card}). A card that activates itself is active at once.
     */
    public static MembershipChange received(TenantId tenantId, CardId cardId, Code code, OpenId openId,
                                            Option<String> outerStr, ActivationMode cardActivation, Instant now) {
        var issued = new Membership(MembershipSnapshot.issued(tenantId, cardId, code, openId, outerStr, now));
        return MembershipChange.of(cardActivation == ActivationMode.AUTO
                ? issued.activated(ActivationMethod.AUTO, Option.none(), now)
                : issued);
    }

    /** An existing member imported by openid: active at once, silently (WeChat Pay v3 import). */
    public static MembershipChange imported(TenantId tenantId, CardId cardId, Code code, OpenId openId,
                                            Option<MembershipNumber> membershipNumber, Instant now) {
        var membership = new Membership(MembershipSnapshot.issued(tenantId, cardId, code, openId, Option.none(), now))
                .activated(ActivationMethod.IMPORT, membershipNumber, now);
        return MembershipChange.of(membership);
    }

    /** Rebuilds a stored membership, skipping creation rules. */
    public static Membership reconstitute(MembershipSnapshot snapshot) {
        return new Membership(snapshot);
    }

    public MembershipSnapshot snapshot() {
        return s;
    }

    public MembershipKey key() {
        return new MembershipKey(s.tenantId(), s.cardId(), s.code());
    }

    public TenantId tenantId() {
        return s.tenantId();
    }

    public CardId cardId() {
        return s.cardId();
    }

    public Code code() {
        return s.code();
    }

    public OpenId openId() {
        return s.openId();
    }

    public MembershipState state() {
        return s.state();
    }

    public LedgerTotals totals() {
        return s.totals();
    }

    public Option<MembershipNumber> membershipNumber() {
        return s.membershipNumber();
    }

    public Map<String, String> formAnswers() {
        return s.formAnswers();
    }

    public long version() {
        return s.version();
    }

    // ---- activation -----------------------------------------------------------------------------------------------

    /** Whether the membership may be activated now (asked before telling WeChat). */
    public Either<Rejection, Membership> checkActivatable() {
        return switch (s.state()) {
            case ISSUED -> Either.right(this);
            case ACTIVATED -> Either.left(Rejection.of(MEMBERSHIP_ALREADY_ACTIVATED, describe() + " is already activated"
                    + s.activationMethod().map(m -> " (by " + m + ")").getOrElse("")));
            default -> Either.left(MembershipRejections.notHeld(s, "activated"));
        };
    }

    /** Activates an issued membership. */
    public Either<Rejection, MembershipChange> activate(ActivationMethod method, Option<MembershipNumber> number,
                                                        Instant now) {
        return checkActivatable().map(membership -> MembershipChange.of(activated(method, number, now)));
    }

    /** Records what WeChat knows of the member: the activation form's answers, and the membership number. */
    public Either<Rejection, MembershipChange> memberInfoRecorded(Map<String, String> formAnswers,
                                                                  Option<MembershipNumber> number, Instant now) {
        var next = s.toBuilder().formAnswers(formAnswers).membershipNumber(number.orElse(s.membershipNumber()))
                .updatedAt(now).build();
        return Either.right(MembershipChange.of(new Membership(next)));
    }

    // ---- invalidation and the member's own deletion -----------------------------------------------------------------

    /** Makes the member's card unusable, for good ({@code /card/code/unavailable}). */
    public Either<Rejection, MembershipChange> invalidate(Reason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return switch (s.state()) {
            case ISSUED, ACTIVATED -> {
                var next = s.toBuilder().state(MembershipState.INVALIDATED).stateBeforeDeletion(Option.none())
                        .invalidationReason(Option.of(reason.value())).updatedAt(now).build();
                yield Either.right(MembershipChange.of(new Membership(next),
                        new MembershipInvalidated(s.cardId(), s.code(), reason.value(), now)));
            }
            case INVALIDATED -> Either.left(MembershipRejections.notHeld(s, "invalidated again"));
            default -> Either.left(MembershipRejections.notHeld(s, "invalidated"));
        };
    }

    /** The member deleted the card from their WeChat wallet ({@code user_del_card}). */
    public Either<Rejection, MembershipChange> deletedByMember(Instant now) {
        if (s.state() != MembershipState.ISSUED && s.state() != MembershipState.ACTIVATED) {
            return Either.right(MembershipChange.unchanged(this));
        }
        var next = s.toBuilder().state(MembershipState.DELETED).stateBeforeDeletion(Option.of(s.state()))
                .updatedAt(now).build();
        return Either.right(MembershipChange.of(new Membership(next)));
    }

    /** The member restored a card they had deleted ({@code user_get_card} with {@code IsRestoreMemberCard=1}). */
    public Either<Rejection, MembershipChange> restoredByMember(Instant now) {
        if (s.state() == MembershipState.INVALIDATED) {
            return Either.right(MembershipChange.unchanged(this));
        }
        if (s.state() != MembershipState.DELETED) {
            return Either.left(Rejection.of(MEMBERSHIP_NOT_DELETED, describe() + " is " + s.state()
                    + ": only a card the member deleted can be restored"));
        }
        MembershipState back = s.stateBeforeDeletion().getOrElse(MembershipState.ISSUED);
        var next = s.toBuilder().state(back).stateBeforeDeletion(Option.none()).updatedAt(now).build();
        return Either.right(MembershipChange.of(new Membership(next)));
    }

    /** The gifting transitions: the member sends the card to a friend, who accepts it, or it comes back. */
    public MembershipGifting gifting() {
        return new MembershipGifting(this);
    }

    // ---- the ledger -----------------------------------------------------------------------------------------------

    /**
     * Applies a points or stored-value change. The merchant's changes need an activated membership; what WeChat
     * reports happened elsewhere ({@link EntrySource#WECHAT}) is recorded in any state, since it already happened.
     *
     * @param earlierWithSameKey the entry already recorded under the change's key, if any
     */
    public Either<Rejection, LedgerResult> record(LedgerChange change, Option<LedgerEntry> earlierWithSameKey,
                                                  Instant now) {
        if (change.source() != EntrySource.WECHAT && earlierWithSameKey.isEmpty()) {
            Either<Rejection, Membership> open = checkAcceptsChanges();
            if (open.isLeft()) {
                return Either.left(open.getLeft());
            }
        }
        return Ledger.reconstitute(s.totals()).record(change, earlierWithSameKey, now).map(outcome ->
                outcome instanceof LedgerOutcome.Recorded recorded
                        ? new LedgerResult(withTotals(recorded.ledger().totals(), now), recorded.entry(), false)
                        : new LedgerResult(this, outcome.entry(), true));
    }

    /**
     * Opens the ledger with what the member starts with (at activation, or when imported): an entry for the points
     * and one for the stored value, each only when positive.
     */
    public Either<Rejection, LedgerOpening> openLedger(Option<Points> points, Option<Fen> balance, EntrySource source,
                                                       Instant now) {
        List<LedgerChange> changes = new ArrayList<>();
        points.filter(p -> p.value() > 0).forEach(p -> changes.add(LedgerChange.points(p, "opening points",
                new IdempotencyKey("opening-points"), source, false)));
        balance.filter(b -> b.value() > 0).forEach(b -> changes.add(LedgerChange.balance(b, "opening balance",
                new IdempotencyKey("opening-balance"), source, false)));
        Membership current = this;
        List<LedgerEntry> entries = new ArrayList<>();
        for (LedgerChange change : changes) {
            Either<Rejection, LedgerResult> recorded = current.record(change, Option.none(), now);
            if (recorded.isLeft()) {
                return Either.left(recorded.getLeft());
            }
            entries.add(recorded.get().entry());
            current = recorded.get().membership();
        }
        return Either.right(new LedgerOpening(current, entries));
    }

    /** Whether the merchant may change points or stored value now. */
    public Either<Rejection, Membership> checkAcceptsChanges() {
        return switch (s.state()) {
            case ACTIVATED -> Either.right(this);
            case ISSUED -> Either.left(Rejection.of(MEMBERSHIP_NOT_ACTIVATED, describe()
                    + " is not activated yet; points and stored value change only on an activated card"));
            default -> Either.left(MembershipRejections.notHeld(s, "changed"));
        };
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** This membership activated now; a number given replaces the one it had. */
    private Membership activated(ActivationMethod method, Option<MembershipNumber> number, Instant now) {
        return new Membership(s.toBuilder().state(MembershipState.ACTIVATED).activationMethod(Option.of(method))
                .membershipNumber(number.orElse(s.membershipNumber())).activatedAt(Option.of(now)).updatedAt(now)
                .build());
    }

    private Membership withTotals(LedgerTotals totals, Instant now) {
        return new Membership(s.toBuilder().totals(totals).updatedAt(now).build());
    }

    private String describe() {
        return MembershipRejections.describe(s);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Membership membership && membership.s.equals(s);
    }

    @Override
    public int hashCode() {
        return s.hashCode();
    }

    @Override
    public String toString() {
        return "Membership[" + s.cardId() + "/" + s.code() + " " + s.state() + " " + s.totals() + "]";
    }
}
