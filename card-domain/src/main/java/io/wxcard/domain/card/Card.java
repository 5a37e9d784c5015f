package io.wxcard.domain.card;

import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_EDITABLE;
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_SUBMITTABLE;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardEvent.CardDeleted;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One member-card definition of one tenant, through its lifecycle (see {@link CardState}).
 *
 * <p>Immutable: every operation returns either a {@link Rejection} with a reason a person can read, or a
 * {@link CardChange} holding the new card and the events. A card is never half-changed. Operations that need WeChat's
 * answer come in two steps: a {@code check...} before the call, and the recording of WeChat's answer after it.
 */
public final class Card {

    private final CardSnapshot s;

    private Card(CardSnapshot snapshot) {
        this.s = Objects.requireNonNull(snapshot, "snapshot");
    }

    /** A new draft. The definition must pass WeChat's rules; every problem is listed in the rejection. */
    public static Either<Rejection, CardChange> draft(CardId id, TenantId tenantId, MemberCardDefinition definition,
                                                      Instant now) {
        return CardPolicies.definition(definition).map(valid -> CardChange.of(
                new Card(CardSnapshot.drafted(id, tenantId, valid, now))));
    }

    /** Rebuilds a stored card, skipping creation rules. */
    public static Card reconstitute(CardSnapshot snapshot) {
        return new Card(snapshot);
    }

    public CardSnapshot snapshot() {
        return s;
    }

    public CardId id() {
        return s.id();
    }

    public TenantId tenantId() {
        return s.tenantId();
    }

    public CardState state() {
        return s.state();
    }

    public MemberCardDefinition definition() {
        return s.definition();
    }

    public Option<WechatCardId> wechatCardId() {
        return s.wechatCardId();
    }

    public Option<String> refusalReason() {
        return s.refusalReason();
    }

    public Option<ActivationForm> activationForm() {
        return s.activationForm();
    }

    public TestWhitelist testWhitelist() {
        return s.testWhitelist();
    }

    /** Whether the card was upgraded for WeChat Pay's member functions (membercard-open), and under which brand. */
    public Option<PayUpgrade> payUpgrade() {
        return s.payUpgrade();
    }

    /** Whether WeChat Pay's member functions (import, codes, activation through WeChat Pay) work on this card. */
    public boolean upgradedForWechatPay() {
        return s.payUpgrade().isDefined();
    }

    public long version() {
        return s.version();
    }

    // ---- editing --------------------------------------------------------------------------------------------------

    /**
     * Whether the definition may be replaced now, and how: through WeChat ({@code /card/update}) first for a card
     * WeChat has approved, whose edit WeChat may send back to review; as a draft otherwise.
     */
    public Either<Rejection, EditRoute> checkEditable(MemberCardDefinition definition) {
        return CardPolicies.editable(s, definition);
    }

    /** Edits a card WeChat does not show yet: a draft stays a draft; a rejected card becomes a draft again. */
    public Either<Rejection, CardChange> edit(MemberCardDefinition definition, Instant now) {
        return checkEditable(definition).flatMap(route -> route == EditRoute.THROUGH_WECHAT
                ? Either.left(Rejection.of(CARD_NOT_EDITABLE, "card " + id() + " is " + s.state()
                        + " on WeChat: its edit goes through WeChat first (editPublished)"))
                : Either.right(changed(with(definition, CardState.DRAFT, s.refusalReason(), now))));
    }

    /**
     * Records an edit WeChat accepted for an approved or issued card. When WeChat answered {@code send_check: true} the
     * card goes back to review; otherwise it keeps its state.
     */
    public Either<Rejection, CardChange> editPublished(MemberCardDefinition definition, boolean sentBackToReview,
                                                       Instant now) {
        return checkEditable(definition).flatMap(route -> {
            if (route == EditRoute.AS_DRAFT) {
                return Either.left(Rejection.of(CARD_NOT_EDITABLE, "card " + id() + " is " + s.state()
                        + " and not on WeChat yet: edit it as a draft"));
            }
            if (!sentBackToReview) {
                return Either.right(changed(with(definition, s.state(), s.refusalReason(), now)));
            }
            return Either.right(changed(with(definition, CardState.UNDER_REVIEW, Option.none(), now)));
        });
    }

    // ---- review ---------------------------------------------------------------------------------------------------

    /** Whether the card may be sent to WeChat for review now. */
    public Either<Rejection, Card> checkSubmittable() {
        return CardPolicies.submittable(s).map(allowed -> this);
    }

    /** Records that WeChat took the card for review and knows it as {@code wechatCardId}. */
    public Either<Rejection, CardChange> submitted(WechatCardId wechatCardId, Instant now) {
        return checkSubmittable().flatMap(card -> {
            if (s.wechatCardId().exists(known -> !known.equals(wechatCardId))) {
                return Either.left(Rejection.of(CARD_NOT_SUBMITTABLE, "card " + id() + " is " + s.wechatCardId().get()
                        + " on WeChat, not " + wechatCardId));
            }
            CardSnapshot next = copy(CardState.UNDER_REVIEW, Option.of(wechatCardId), Option.none(), now);
            return Either.right(changed(next));
        });
    }

    /** WeChat approved the card ({@code card_pass_check}). A card that members already held is issued again at once. */
    public Either<Rejection, CardChange> reviewPassed(Instant now) {
        if (s.state() != CardState.UNDER_REVIEW) {
            return Either.left(notUnderReview("approved"));
        }
        CardState next = s.firstIssuedAt().isDefined() ? CardState.ISSUED : CardState.APPROVED;
        return Either.right(changed(copy(next, s.wechatCardId(), Option.none(), now)));
    }

    /** WeChat refused the card ({@code card_not_pass_check}), with its reason. */
    public Either<Rejection, CardChange> reviewRejected(String refusalReason, Instant now) {
        if (s.state() != CardState.UNDER_REVIEW) {
            return Either.left(notUnderReview("rejected"));
        }
        String reason = refusalReason == null || refusalReason.isBlank() ? "WeChat gave no reason" : refusalReason;
        return Either.right(changed(copy(CardState.REJECTED, s.wechatCardId(), Option.of(reason), now)));
    }

    // ---- distribution -------------------------------------------------------------------------------------------

    /**
     * A member received the card. The first delivery of an approved card issues it; deliveries in other states change
     * nothing (whitelisted testers receive cards under review; members restore cards of deleted ones).
     */
    public Either<Rejection, CardChange> delivered(Instant now) {
        if (s.state() != CardState.APPROVED) {
            return Either.right(CardChange.unchanged(this));
        }
        CardSnapshot next = s.toBuilder().state(CardState.ISSUED)
                .firstIssuedAt(Option.of(s.firstIssuedAt().getOrElse(now))).updatedAt(now).build();
        return Either.right(changed(next));
    }

    /**
     * Whether QR codes, landing pages and signed cardExts may be made: the card must be on WeChat and approved (or
     * under review, for whitelisted testers).
     */
    public Either<Rejection, WechatCardId> checkDistributable() {
        return CardPolicies.distributable(s);
    }

    /**
     * Whether existing members may be imported into the card: WeChat imports only into a card it approved.
     */
    public Either<Rejection, WechatCardId> checkImportable() {
        return CardPolicies.importable(s);
    }

    /** Whether the card is on WeChat and not deleted: what settings that WeChat keeps per card need. */
    public Either<Rejection, WechatCardId> checkOnWechat() {
        return CardPolicies.onWechat(s);
    }

    /** Records the whitelist WeChat accepted. */
    public Either<Rejection, CardChange> testWhitelistSet(TestWhitelist whitelist, Instant now) {
        if (s.state() == CardState.DELETED) {
            return Either.left(deleted("changed"));
        }
        CardSnapshot next = s.toBuilder().testWhitelist(whitelist).updatedAt(now).build();
        return Either.right(changed(next));
    }

    /** Whether the one-click form may be configured: only for a {@code wx_activate} card that is on WeChat. */
    public Either<Rejection, WechatCardId> checkActivationFormAllowed(ActivationForm form) {
        return CardPolicies.activationFormAllowed(s, form);
    }

    /** Records the one-click form WeChat accepted. */
    public Either<Rejection, CardChange> activationFormConfigured(ActivationForm form, Instant now) {
        return checkActivationFormAllowed(form).map(wechatId -> changed(
                s.toBuilder().activationForm(Option.of(form)).updatedAt(now).build()));
    }

    /** Whether the card lets members hold this asset (WeChat's {@code supply_bonus} / {@code supply_balance}). */
    public Either<Rejection, Card> checkOffers(Asset asset) {
        return CardPolicies.offers(s, asset).map(allowed -> this);
    }

    // ---- WeChat Pay ---------------------------------------------------------------------------------------------

    /** Whether the card may be upgraded for WeChat Pay under this brand (on WeChat; never moved to another brand). */
    public Either<Rejection, WechatCardId> checkUpgradableForWechatPay(BrandId brand) {
        return CardPolicies.upgradable(s, brand);
    }

    /** Records the upgrade WeChat Pay accepted (or had already made); the same brand again changes nothing. */
    public Either<Rejection, CardChange> upgradedForWechatPay(BrandId brand, Instant now) {
        return checkUpgradableForWechatPay(brand).map(wechatId -> upgradedForWechatPay()
                ? CardChange.unchanged(this)
                : changed(s.toBuilder().payUpgrade(Option.of(new PayUpgrade(brand, now))).updatedAt(now).build()));
    }

    /** Whether WeChat Pay's member functions may be called for this card: it must be upgraded and on WeChat. */
    public Either<Rejection, WechatCardId> checkWechatPayMemberFunctions() {
        return CardPolicies.payMemberFunctions(s);
    }

    // ---- deletion -------------------------------------------------------------------------------------------------

    /** Deletes the card from any state but DELETED. Members keep the cards they already hold. */
    public Either<Rejection, CardChange> delete(Instant now) {
        if (s.state() == CardState.DELETED) {
            return Either.left(deleted("deleted again"));
        }
        return Either.right(changed(copy(CardState.DELETED, s.wechatCardId(), s.refusalReason(), now),
                new CardDeleted(id(), s.wechatCardId(), now)));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------


    private Rejection deleted(String what) {
        return CardPolicies.deleted(s, what);
    }

    private Rejection notUnderReview(String what) {
        return CardPolicies.notUnderReview(s, what);
    }

    private CardSnapshot with(MemberCardDefinition definition, CardState state, Option<String> refusalReason, Instant now) {
        return s.toBuilder().definition(definition).state(state).refusalReason(refusalReason).updatedAt(now).build();
    }

    private CardSnapshot copy(CardState state, Option<WechatCardId> wechatCardId, Option<String> refusalReason, Instant now) {
        return s.toBuilder().state(state).wechatCardId(wechatCardId).refusalReason(refusalReason).updatedAt(now)
                .build();
    }

    private static CardChange changed(CardSnapshot next, CardEvent... events) {
        return CardChange.of(new Card(next), events);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Card card && card.s.equals(s);
    }

    @Override
    public int hashCode() {
        return s.hashCode();
    }

    @Override
    public String toString() {
        return "Card[" + id() + " " + state() + wechatCardId().map(w -> " wechat=" + w).getOrElse("") + "]";
    }
}
