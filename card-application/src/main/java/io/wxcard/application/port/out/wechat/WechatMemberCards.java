package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Members' cards on WeChat: activation, the one-click form, member info, totals, codes. */
public interface WechatMemberCards {

    Either<WechatError, Done> activate(WechatAccount account, WechatActivation activation);

    Either<WechatError, Done> setActivationForm(WechatAccount account, WechatCardId cardId, ActivationForm form);

    /** The link that opens the one-click form outside WeChat's card page ({@code activate/geturl}). */
    Either<WechatError, String> activationUrl(WechatAccount account, WechatCardId cardId, Option<String> outerStr);

    /** What a member typed in the form before the merchant's page took over ({@code activatetempinfo/get}). */
    Either<WechatError, Map<String, String>> activationFormAnswers(WechatAccount account, String activateTicket);

    Either<WechatError, MemberInfo> memberInfo(WechatAccount account, WechatCardId cardId, Code code);

    /** Sets a member's totals; safe to repeat, since the totals are absolute. */
    Either<WechatError, MemberTotals> updateMember(WechatAccount account, MemberUpdate update);

    /**
     * {@link #updateMember}, answering without holding a thread while WeChat works, so that a dispatcher keeps many
     * calls in flight. By default it calls {@code updateMember} on the caller's thread; an HTTP adapter sends it
     * asynchronously. A technical failure completes the future exceptionally.
     */
    default CompletableFuture<Either<WechatError, MemberTotals>> updateMemberAsync(WechatAccount account,
                                                                                    MemberUpdate update) {
        try {
            return CompletableFuture.completedFuture(updateMember(account, update));
        } catch (RuntimeException technical) {
            return CompletableFuture.failedFuture(technical);
        }
    }

    /** Sets what the member's card shows in its custom fields; safe to repeat, since the values are absolute. */
    Either<WechatError, Done> updateMemberFields(WechatAccount account, MemberFieldsUpdate update);

    Either<WechatError, CodeStatus> codeStatus(WechatAccount account, WechatCardId cardId, Code code);

    /**
     * Consumes the code at the till ({@code /card/code/consume}, irreversible; WeChat pushes
     * {@code user_consume_card}). A second consume is refused (40099).
     */
    Either<WechatError, ConsumedCode> consumeCode(WechatAccount account, WechatCardId cardId, Code code);

    /** Gives the member's card another code ({@code /card/code/update}); cards with the merchant's own codes only. */
    Either<WechatError, Done> changeCode(WechatAccount account, WechatCardId cardId, Code code, Code newCode);

    /** Turns the {@code encrypt_code} WeChat passes to the merchant's page into the real code. */
    Either<WechatError, Code> decryptCode(WechatAccount account, String encryptCode);

    /** Makes a member's card unusable, for good. */
    Either<WechatError, Done> makeUnavailable(WechatAccount account, WechatCardId cardId, Code code, String reason);

    /** The cards a member holds, optionally only of one card. */
    Either<WechatError, List<HeldCard>> cardsOf(WechatAccount account, OpenId openId, Option<WechatCardId> cardId);
}
