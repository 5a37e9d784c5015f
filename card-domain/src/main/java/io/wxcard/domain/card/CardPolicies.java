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
import static io.wxcard.domain.shared.RejectionCode.CARD_NOT_UPGRADED_FOR_WECHAT_PAY;
import static io.wxcard.domain.shared.RejectionCode.CARD_UPGRADED_UNDER_ANOTHER_BRAND;

import io.vavr.control.Either;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import java.util.List;

/**
 * What a card allows in each state, and the reason a person reads when it does not: the {@link Card}'s policies, one
 * small function each, so that the aggregate's methods read as the transitions they are.
 */
final class CardPolicies {

    private CardPolicies() {}

    static Either<Rejection, MemberCardDefinition> definition(MemberCardDefinition definition) {
        List<Problem> problems = CardDefinitionRules.problemsOf(definition);
        return problems.isEmpty()
                ? Either.right(definition)
                : Either.left(Rejection.invalid(CARD_DEFINITION_INVALID,
                        "the card breaks " + problems.size() + " of WeChat's rules", problems));
    }

    static Either<Rejection, EditRoute> editable(CardSnapshot s, MemberCardDefinition definition) {
        return switch (s.state()) {
            case DRAFT, REJECTED -> definition(definition).map(valid -> EditRoute.AS_DRAFT);
            case APPROVED, ISSUED -> definition(definition).map(valid -> EditRoute.THROUGH_WECHAT);
            case UNDER_REVIEW -> Either.left(Rejection.of(CARD_NOT_EDITABLE,
                    "card " + s.id() + " is under review by WeChat; wait for the review result, then edit it"));
            case DELETED -> Either.left(deleted(s, "edited"));
        };
    }

    static Either<Rejection, CardSnapshot> submittable(CardSnapshot s) {
        return switch (s.state()) {
            case DRAFT -> Either.right(s);
            case REJECTED -> Either.left(Rejection.of(CARD_NOT_SUBMITTABLE, "card " + s.id()
                    + " was rejected by WeChat (" + s.refusalReason().getOrElse("no reason given")
                    + "); edit it to fix what WeChat refused, then submit it again"));
            case UNDER_REVIEW -> Either.left(Rejection.of(CARD_NOT_SUBMITTABLE,
                    "card " + s.id() + " is already under review by WeChat"));
            case APPROVED, ISSUED -> Either.left(Rejection.of(CARD_NOT_SUBMITTABLE,
                    "card " + s.id() + " is already approved by WeChat; edit it instead"));
            case DELETED -> Either.left(deleted(s, "submitted"));
        };
    }

    static Either<Rejection, WechatCardId> distributable(CardSnapshot s) {
        return switch (s.state()) {
            case APPROVED, ISSUED, UNDER_REVIEW -> Either.right(s.wechatCardId().get());
            case DRAFT -> Either.left(Rejection.of(s.wechatCardId().isEmpty() ? CARD_NOT_ON_WECHAT : CARD_NOT_DISTRIBUTABLE,
                    "card " + s.id() + " is a draft; submit it to WeChat first"));
            case REJECTED -> Either.left(Rejection.of(CARD_NOT_DISTRIBUTABLE, "card " + s.id()
                    + " was rejected by WeChat; edit and resubmit it before handing it out"));
            case DELETED -> Either.left(deleted(s, "handed out"));
        };
    }

    /** WeChat imports only into a card it approved. */
    static Either<Rejection, WechatCardId> importable(CardSnapshot s) {
        return switch (s.state()) {
            case APPROVED, ISSUED -> Either.right(s.wechatCardId().get());
            case UNDER_REVIEW -> Either.left(Rejection.of(CARD_NOT_DISTRIBUTABLE, "card " + s.id()
                    + " is still under review; members can be imported once WeChat approves it"));
            default -> distributable(s);
        };
    }

    static Either<Rejection, WechatCardId> onWechat(CardSnapshot s) {
        if (s.state() == CardState.DELETED) {
            return Either.left(deleted(s, "changed"));
        }
        return s.wechatCardId().toEither(() -> Rejection.of(CARD_NOT_ON_WECHAT,
                "card " + s.id() + " is not on WeChat yet; submit it first"));
    }

    static Either<Rejection, WechatCardId> activationFormAllowed(CardSnapshot s, ActivationForm form) {
        ActivationMode mode = s.definition().activationMode();
        if (mode != ActivationMode.ONE_CLICK_FORM) {
            return Either.left(Rejection.of(CARD_ACTIVATION_MODE_MISMATCH, "card " + s.id() + " activates by "
                    + mode + "; an activation form needs wx_activate (one-click)"));
        }
        List<Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            return Either.left(Rejection.invalid(CARD_DEFINITION_INVALID, "the activation form breaks WeChat's rules",
                    problems));
        }
        return onWechat(s);
    }

    /** Whether members may hold this asset on the card (WeChat's {@code supply_bonus} / {@code supply_balance}). */
    static Either<Rejection, CardSnapshot> offers(CardSnapshot s, Asset asset) {
        return switch (asset) {
            case POINTS -> s.definition().supplyBonus() ? Either.right(s) : Either.left(Rejection.of(
                    CARD_DOES_NOT_OFFER_POINTS, "card " + s.id() + " does not offer points (supply_bonus is false)"));
            case BALANCE -> s.definition().supplyBalance() ? Either.right(s) : Either.left(Rejection.of(
                    CARD_DOES_NOT_OFFER_STORED_VALUE, "card " + s.id() + " does not offer stored value (supply_balance is false)"));
        };
    }

    /**
     * Whether the card may be upgraded for WeChat Pay under this brand: it must be on WeChat; once upgraded it stays
     * with its brand (the same brand again is allowed, and changes nothing).
     */
    static Either<Rejection, WechatCardId> upgradable(CardSnapshot s, BrandId brand) {
        if (s.payUpgrade().exists(upgrade -> !upgrade.brandId().equals(brand))) {
            return Either.left(Rejection.of(CARD_UPGRADED_UNDER_ANOTHER_BRAND, "card " + s.id()
                    + " is upgraded for WeChat Pay under brand " + s.payUpgrade().get().brandId() + ", not " + brand
                    + "; WeChat Pay never undoes or moves an upgrade"));
        }
        return onWechat(s);
    }

    /** WeChat Pay answers every membercard-open member call on a card not upgraded with a refusal. */
    static Either<Rejection, WechatCardId> payMemberFunctions(CardSnapshot s) {
        if (s.payUpgrade().isEmpty()) {
            return Either.left(Rejection.of(CARD_NOT_UPGRADED_FOR_WECHAT_PAY, "card " + s.id()
                    + " is not upgraded for WeChat Pay; WeChat Pay's member functions need the upgrade first"));
        }
        return onWechat(s);
    }

    static Rejection deleted(CardSnapshot s, String what) {
        return Rejection.of(CARD_DELETED, "card " + s.id() + " is deleted and cannot be " + what);
    }

    static Rejection notUnderReview(CardSnapshot s, String what) {
        return Rejection.of(CARD_NOT_UNDER_REVIEW, "card " + s.id() + " is " + s.state()
                + ", not under review, so it cannot be " + what);
    }
}
