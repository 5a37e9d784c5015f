package io.wxcard.domain.campaign;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;

/**
 * Which pay-to-join campaign brought a member, from what WeChat's {@code user_get_card} push says. The push names the
 * card, the member and the time ({@code CreateTime}); since 2016 it also carries {@code SourceScene}. No source read
 * gives the value WeChat sends for a card taken after a payment, nor any push carrying the {@code rule_id}, the mchid
 * or the amount (FIDELITY section 26): the product takes {@link #SOURCE_SCENE_PAY} as that value (<b>inferred</b>)
 * and attributes the member to the one pay-to-join campaign of the card that was running when the card was taken.
 * When two of the card's rules ran then (different merchants or amounts: the push cannot tell them apart) the member
 * is attributed to neither, rather than to a guess.
 */
public final class PayToJoin {

    /** The {@code SourceScene} taken to mean "after a WeChat Pay payment" (inferred, not read in WeChat's pages). */
    public static final String SOURCE_SCENE_PAY = "SOURCE_SCENE_PAY";

    private PayToJoin() {}

    /** Whether a receipt's {@code SourceScene} says the card was offered after a payment. */
    public static boolean afterPayment(Option<String> sourceScene) {
        return sourceScene.exists(SOURCE_SCENE_PAY::equals);
    }

    /**
     * The campaign a receipt at {@code receivedAt} came through: a pay-to-join campaign of the card (its {@code
     * ofCard}), begun by then (to the second), not ended or terminated by then; exactly one, else none.
     */
    public static Option<Campaign> attribute(Option<String> sourceScene, Instant receivedAt, List<Campaign> ofCard) {
        if (!afterPayment(sourceScene)) {
            return Option.none();
        }
        List<Campaign> running = ofCard.stream()
                .filter(campaign -> campaign.terms().kind() == CampaignKind.PAY_TO_JOIN)
                .filter(campaign -> !receivedAt.isBefore(toSecond(campaign.terms().begin()))
                        && !receivedAt.isBefore(toSecond(campaign.startedAt())))
                .filter(campaign -> receivedAt.isBefore(campaign.terms().end()))
                .filter(campaign -> campaign.terminatedAt().forAll(receivedAt::isBefore))
                .toList();
        return running.size() == 1 ? Option.of(running.get(0)) : Option.none();
    }

    /** A push's {@code CreateTime} has whole seconds: a rule begun within that second was running. */
    private static Instant toSecond(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
