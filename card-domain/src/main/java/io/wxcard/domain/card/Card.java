package io.wxcard.domain.card;

import static io.wxcard.domain.shared.RejectionCode.CARD_ACTIVATION_MODE_MISMATCH;
import static io.wxcard.domain.shared.RejectionCode.CARD_DEFINITION_INVALID;
import static io.wxcard.domain.shared.RejectionCode.CARD_DELETED;
import static io.wxcard.domain.shared.RejectionCode.CARD_DOES_NOT_OFFER_POINTS;
import static io.wxcard.domain.shared.RejectionCode.CARD_DOES_NOT_OFFER_STORED_VALUE;
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_DISTRIBUTABLE;
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_EDITABLE;
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_ON_WECHAT;
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_SUBMITTABLE;
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_UNDER_REVIEW;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardEvent.ActivationFormConfigured;
import io.wxcard.domain.card.CardEvent.CardApproved;
import io.wxcard.domain.card.CardEvent.CardDeleted;
import io.wxcard.domain.card.CardEvent.CardDrafted;
import io.wxcard.domain.card.CardEvent.CardEdited;
import io.wxcard.domain.card.CardEvent.CardIssued;
import io.wxcard.domain.card.CardEvent.CardRejected;
import io.wxcard.domain.card.CardEvent.CardSentBackToReview;
import io.wxcard.domain.card.CardEvent.CardSubmitted;
import io.wxcard.domain.card.CardEvent.TestWhitelistSet;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.shared.Problem;
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
        return checkDefinition(definition).map(valid -> CardChange.of(
                new Card(CardSnapshot.drafted(id, tenantId, valid, now)),
                new CardDrafted(id, tenantId, now)));
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

    public long version() {
        return s.version();
    }

    // ---- editing --------------------------------------------------------------------------------------------------

    /**
     * Whether the definition may be replaced now, and how: through WeChat ({@code /card/update}) first for a card
     * WeChat has approved, whose edit WeChat may send back to review; as a draft otherwise.
     */
    public Either<Rejection, EditRoute> checkEditable(MemberCardDefinition definition) {
        return switch (s.state()) {
            case DRAFT, REJECTED -> checkDefinition(definition).map(valid -> EditRoute.AS_DRAFT);
            case APPROVED, ISSUED -> checkDefinition(definition).map(valid -> EditRoute.THROUGH_WECHAT);
            case UNDER_REVIEW -> Either.left(Rejection.of(CARD_NOT_EDITABLE,
                    "card " + id() + " is under review by WeChat; wait for the review result, then edit it"));
            case DELETED -> Either.left(deleted("edited"));
        };
    }

    /** Edits a card WeChat does not show yet: a draft stays a draft; a rejected card becomes a draft again. */
    public Either<Rejection, CardChange> edit(MemberCardDefinition definition, Instant now) {
        return checkEditable(definition).flatMap(route -> route == EditRoute.THROUGH_WECHAT
                ? Either.left(Rejection.of(CARD_NOT_EDITABLE, "card " + id() + " is " + s.state()
                        + " on WeChat: its edit goes through WeChat first (editPublished)"))
                : Either.right(changed(with(definition, CardState.DRAFT, s.refusalReason(), now),
                        new CardEdited(id(), CardState.DRAFT, now))));
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
                return Either.right(changed(with(definition, s.state(), s.refusalReason(), now),
                        new CardEdited(id(), s.state(), now)));
            }
            return Either.right(changed(with(definition, CardState.UNDER_REVIEW, Option.none(), now),
                    new CardEdited(id(), CardState.UNDER_REVIEW, now), new CardSentBackToReview(id(), now)));
        });
    }

    // ---- review ---------------------------------------------------------------------------------------------------

    /** Whether the card may be sent to WeChat for review now. */
    public Either<Rejection, Card> checkSubmittable() {
        return switch (s.state()) {
            case DRAFT -> Either.right(this);
            case REJECTED -> Either.left(Rejection.of(CARD_NOT_SUBMITTABLE, "card " + id()
                    + " was rejected by WeChat (" + s.refusalReason().getOrElse("no reason given")
                    + "); edit it to fix what WeChat refused, then submit it again"));
            case UNDER_REVIEW -> Either.left(Rejection.of(CARD_NOT_SUBMITTABLE,
                    "card " + id() + " is already under review by WeChat"));
            case APPROVED, ISSUED -> Either.left(Rejection.of(CARD_NOT_SUBMITTABLE,
                    "card " + id() + " is already approved by WeChat; edit it instead"));
            case DELETED -> Either.left(deleted("submitted"));
        };
    }

    /** Records that WeChat took the card for review and knows it as {@code wechatCardId}. */
    public Either<Rejection, CardChange> submitted(WechatCardId wechatCardId, Instant now) {
        return checkSubmittable().flatMap(card -> {
            if (s.wechatCardId().exists(known -> !known.equals(wechatCardId))) {
                return Either.left(Rejection.of(CARD_NOT_SUBMITTABLE, "card " + id() + " is " + s.wechatCardId().get()
                        + " on WeChat, not " + wechatCardId));
            }
            CardSnapshot next = copy(CardState.UNDER_REVIEW, Option.of(wechatCardId), Option.none(), now);
            return Either.right(changed(next, new CardSubmitted(id(), wechatCardId, now)));
        });
    }

    /** WeChat approved the card ({@code card_pass_check}). A card that members already held is issued again at once. */
    public Either<Rejection, CardChange> reviewPassed(Instant now) {
        if (s.state() != CardState.UNDER_REVIEW) {
            return Either.left(notUnderReview("approved"));
        }
        CardState next = s.firstIssuedAt().isDefined() ? CardState.ISSUED : CardState.APPROVED;
        return Either.right(changed(copy(next, s.wechatCardId(), Option.none(), now), new CardApproved(id(), next, now)));
    }

    /** WeChat refused the card ({@code card_not_pass_check}), with its reason. */
    public Either<Rejection, CardChange> reviewRejected(String refusalReason, Instant now) {
        if (s.state() != CardState.UNDER_REVIEW) {
            return Either.left(notUnderReview("rejected"));
        }
        String reason = refusalReason == null || refusalReason.isBlank() ? "WeChat gave no reason" : refusalReason;
        return Either.right(changed(copy(CardState.REJECTED, s.wechatCardId(), Option.of(reason), now),
                new CardRejected(id(), reason, now)));
    }

    // ---- distribution -------------------------------------------------------------------------------------------

    /**
     * A member received the card. The first delivery of an approved card issues it; deliveries in other states change
     * nothing (whitelisted testers receive cards under review; members restore cards of deleted ones).
     */
    public Either<Rejection, CardChange> delivered(Instant now) {
        if (s.state() != CardState.APPROVED) {
            return Either.right(CardChange.of(this));
        }
        CardSnapshot next = s.toBuilder().state(CardState.ISSUED)
                .firstIssuedAt(Option.of(s.firstIssuedAt().getOrElse(now))).updatedAt(now).build();
        return Either.right(changed(next, new CardIssued(id(), now)));
    }

    /**
     * Whether QR codes, landing pages and signed cardExts may be made: the card must be on WeChat and approved (or
     * under review, for whitelisted testers).
     */
    public Either<Rejection, WechatCardId> checkDistributable() {
        return switch (s.state()) {
            case APPROVED, ISSUED, UNDER_REVIEW -> Either.right(s.wechatCardId().get());
            case DRAFT -> Either.left(Rejection.of(s.wechatCardId().isEmpty() ? CARD_NOT_ON_WECHAT : CARD_NOT_DISTRIBUTABLE,
                    "card " + id() + " is a draft; submit it to WeChat first"));
            case REJECTED -> Either.left(Rejection.of(CARD_NOT_DISTRIBUTABLE, "card " + id()
                    + " was rejected by WeChat; edit and resubmit it before handing it out"));
            case DELETED -> Either.left(deleted("handed out"));
        };
    }

    /**
     * Whether existing members may be imported into the card: WeChat imports only into a card it approved.
     */
    public Either<Rejection, WechatCardId> checkImportable() {
        return switch (s.state()) {
            case APPROVED, ISSUED -> Either.right(s.wechatCardId().get());
            case UNDER_REVIEW -> Either.left(Rejection.of(CARD_NOT_DISTRIBUTABLE, "card " + id()
                    + " is still under review; members can be imported once WeChat approves it"));
            default -> checkDistributable();
        };
    }

    /** Whether the card is on WeChat and not deleted: what settings that WeChat keeps per card need. */
    public Either<Rejection, WechatCardId> checkOnWechat() {
        if (s.state() == CardState.DELETED) {
            return Either.left(deleted("changed"));
        }
        return s.wechatCardId().toEither(() -> Rejection.of(CARD_NOT_ON_WECHAT,
                "card " + id() + " is not on WeChat yet; submit it first"));
    }

    /** Records the whitelist WeChat accepted. */
    public Either<Rejection, CardChange> testWhitelistSet(TestWhitelist whitelist, Instant now) {
        if (s.state() == CardState.DELETED) {
            return Either.left(deleted("changed"));
        }
        CardSnapshot next = s.toBuilder().testWhitelist(whitelist).updatedAt(now).build();
        return Either.right(changed(next, new TestWhitelistSet(id(), now)));
    }

    /** Whether the one-click form may be configured: only for a {@code wx_activate} card that is on WeChat. */
    public Either<Rejection, WechatCardId> checkActivationFormAllowed(ActivationForm form) {
        if (definition().activationMode() != ActivationMode.ONE_CLICK_FORM) {
            return Either.left(Rejection.of(CARD_ACTIVATION_MODE_MISMATCH, "card " + id() + " activates by "
                    + definition().activationMode() + "; an activation form needs wx_activate (one-click)"));
        }
        List<Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            return Either.left(Rejection.invalid(CARD_DEFINITION_INVALID, "the activation form breaks WeChat's rules",
                    problems));
        }
        return checkOnWechat();
    }

    /** Records the one-click form WeChat accepted. */
    public Either<Rejection, CardChange> activationFormConfigured(ActivationForm form, Instant now) {
        return checkActivationFormAllowed(form).map(wechatId -> changed(
                s.toBuilder().activationForm(Option.of(form)).updatedAt(now).build(),
                new ActivationFormConfigured(id(), now)));
    }

    /** Whether the card lets members hold this asset (WeChat's {@code supply_bonus} / {@code supply_balance}). */
    public Either<Rejection, Card> checkOffers(Asset asset) {
        return switch (asset) {
            case POINTS -> definition().supplyBonus() ? Either.right(this) : Either.left(Rejection.of(
                    CARD_DOES_NOT_OFFER_POINTS, "card " + id() + " does not offer points (supply_bonus is false)"));
            case BALANCE -> definition().supplyBalance() ? Either.right(this) : Either.left(Rejection.of(
                    CARD_DOES_NOT_OFFER_STORED_VALUE, "card " + id() + " does not offer stored value (supply_balance is false)"));
        };
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

    private static Either<Rejection, MemberCardDefinition> checkDefinition(MemberCardDefinition definition) {
        List<Problem> problems = CardDefinitionRules.problemsOf(definition);
        return problems.isEmpty()
                ? Either.right(definition)
                : Either.left(Rejection.invalid(CARD_DEFINITION_INVALID,
                        "the card breaks " + problems.size() + " of WeChat's rules", problems));
    }

    private Rejection deleted(String what) {
        return Rejection.of(CARD_DELETED, "card " + id() + " is deleted and cannot be " + what);
    }

    private Rejection notUnderReview(String what) {
        return Rejection.of(CARD_NOT_UNDER_REVIEW, "card " + id() + " is " + s.state() + ", not under review, so it cannot be " + what);
    }

    private CardSnapshot with(MemberCardDefinition definition, CardState state, Option<String> refusalReason, Instant now) {
        return s.toBuilder().definition(definition).state(state).refusalReason(refusalReason).updatedAt(now).build();
    }

    private CardSnapshot copy(CardState state, Option<WechatCardId> wechatCardId, Option<String> refusalReason, Instant now) {
        return s.toBuilder().state(state).wechatCardId(wechatCardId).refusalReason(refusalReason).updatedAt(now)
                .build();
    }

    private static CardChange changed(CardSnapshot next, CardEvent... events) {
        return new CardChange(new Card(next), List.of(events));
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
