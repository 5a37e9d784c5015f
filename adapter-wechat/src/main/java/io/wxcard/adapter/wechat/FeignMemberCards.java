package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.CodeStatus;
import io.wxcard.application.port.out.wechat.ConsumedCode;
import io.wxcard.application.port.out.wechat.CustomFieldValues;
import io.wxcard.application.port.out.wechat.MemberFieldsUpdate;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.HeldCard;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.CustomFieldValue;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link WechatMemberCards}: activation, the one-click form, member info, totals, codes. Money is integer fen. */
final class FeignMemberCards implements WechatMemberCards {

    private final OaClients calls;

    FeignMemberCards(OaClients calls) {
        this.calls = calls;
    }

    @Override
    public Either<WechatError, Done> activate(WechatAccount account, WechatActivation activation) {
        CustomFieldValues custom = activation.initCustomFieldValues();
        OaJson.ActivateRequest body = new OaJson.ActivateRequest(activation.membershipNumber().value(),
                activation.code().value(), activation.cardId().value(),
                activation.backgroundPicUrl().map(WechatImageUrl::value).getOrNull(),
                activation.activeFrom().map(Instant::getEpochSecond).getOrNull(),
                activation.activeUntil().map(Instant::getEpochSecond).getOrNull(),
                activation.initBonus().map(Points::value).getOrNull(), activation.initBonusRecord().getOrNull(),
                activation.initBalance().map(Fen::value).getOrNull(), text(custom.field1()), text(custom.field2()),
                text(custom.field3()));
        return calls.call(account, api -> api.activate(body))
                .map(answer -> Done.DONE);
    }

    private static String text(Option<CustomFieldValue> value) {
        return value.map(CustomFieldValue::value).getOrNull();
    }

    @Override
    public Either<WechatError, Done> updateMemberFields(WechatAccount account, MemberFieldsUpdate update) {
        CustomFieldValues values = update.values();
        OaJson.UpdateFieldsRequest body = new OaJson.UpdateFieldsRequest(update.code().value(), update.cardId().value(),
                text(values.field1()), text(values.field2()), text(values.field3()),
                update.cardFace().map(WechatImageUrl::value).getOrNull(),
                new OaJson.NotifyFields(update.notifyField1(), update.notifyField2(), update.notifyField3()));
        return calls.call(account, api -> api.updateFields(body)).map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, ConsumedCode> consumeCode(WechatAccount account, WechatCardId cardId, Code code) {
        OaJson.ConsumeRequest body = new OaJson.ConsumeRequest(code.value(), cardId.value());
        return calls.call(account, api -> api.consume(body))
                .flatMap(answer -> answer.openid() == null || answer.openid().isEmpty()
                        ? Either.left(Answers.missing("openid"))
                        : Either.right(new ConsumedCode(answer.card() != null && answer.card().cardId() != null
                                ? new WechatCardId(answer.card().cardId()) : cardId, new OpenId(answer.openid()))));
    }

    @Override
    public Either<WechatError, Done> changeCode(WechatAccount account, WechatCardId cardId, Code code, Code newCode) {
        OaJson.CodeUpdateRequest body = new OaJson.CodeUpdateRequest(cardId.value(), code.value(), newCode.value());
        return calls.call(account, api -> api.codeUpdate(body)).map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, Done> setActivationForm(WechatAccount account, WechatCardId cardId, ActivationForm form) {
        OaJson.FormRequest body = new OaJson.FormRequest(cardId.value(),
                form.serviceStatement().map(l -> new OaJson.NamedLink(l.name(), l.url())).getOrNull(),
                form.bindOldCard().map(l -> new OaJson.NamedLink(l.name(), l.url())).getOrNull(),
                section(form.required()), section(form.optional()));
        return calls.call(account, api -> api.setActivationForm(body))
                .map(answer -> Done.DONE);
    }

    private static OaJson.FormSection section(ActivationForm.Section section) {
        if (section.commonFieldIds().isEmpty() && section.customFieldNames().isEmpty()
                && section.richFields().isEmpty()) {
            return null;
        }
        return new OaJson.FormSection(section.canModify(), section.commonFieldIds(), section.customFieldNames(),
                section.richFields().stream().map(r -> new OaJson.RichField(r.type(), r.name(), r.values())).toList());
    }

    @Override
    public Either<WechatError, String> activationUrl(WechatAccount account, WechatCardId cardId,
                                                     Option<String> outerStr) {
        OaJson.ActivateUrlRequest body = new OaJson.ActivateUrlRequest(cardId.value(), outerStr.getOrNull());
        return calls.call(account, api -> api.activationUrl(body))
                .flatMap(answer -> answer.url() == null || answer.url().isEmpty()
                        ? Either.left(Answers.missing("url")) : Either.right(answer.url()));
    }

    @Override
    public Either<WechatError, Map<String, String>> activationFormAnswers(WechatAccount account,
                                                                         String activateTicket) {
        OaJson.TempInfoRequest body = new OaJson.TempInfoRequest(activateTicket);
        return calls.call(account, api -> api.activationTempInfo(body))
                .map(answer -> {
                    Map<String, String> all = new LinkedHashMap<>(fields(answer.info(), true));
                    all.putAll(fields(answer.info(), false));
                    return Map.copyOf(all);
                });
    }

    @Override
    public Either<WechatError, MemberInfo> memberInfo(WechatAccount account, WechatCardId cardId, Code code) {
        OaJson.UserInfoRequest body = new OaJson.UserInfoRequest(cardId.value(), code.value());
        return calls.call(account, api -> api.userInfo(body))
                .flatMap(answer -> Answers.openId(answer.openid(), "openid").map(openId -> new MemberInfo(openId,
                        Answers.text(answer.nickname()),
                        Answers.text(answer.membershipNumber()).flatMap(MembershipNumber::parse),
                        Points.of(answer.bonus() == null ? 0 : answer.bonus()),
                        Fen.of(answer.balance() == null ? 0 : answer.balance()),
                        Answers.text(answer.sex()),
                        fields(answer.userInfo(), true),
                        fields(answer.userInfo(), false),
                        answer.userCardStatus() == null ? "" : answer.userCardStatus(),
                        Boolean.TRUE.equals(answer.hasActive()))));
    }

    /** Form answers by name; several values of one field joined with ","; missing lists are empty. */
    private static Map<String, String> fields(OaJson.UserInfo info, boolean common) {
        if (info == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (OaJson.FormAnswer answer : Answers.listOrEmpty(common ? info.commonFieldList() : info.customFieldList())) {
            if (answer == null || answer.name() == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            Answers.text(answer.value()).forEach(values::add);
            Answers.listOrEmpty(answer.valueList()).stream().filter(v -> v != null && !values.contains(v))
                    .forEach(values::add);
            out.put(answer.name(), String.join(",", values));
        }
        return out;
    }

    /**
     * Always sends the absolute totals the update carries (a card without stored value gets no {@code balance}, which
     * WeChat would refuse): repeating the call lands on the same totals.
     */
    @Override
    public Either<WechatError, MemberTotals> updateMember(WechatAccount account, MemberUpdate update) {
        return calls.call(account, api -> api.updateUser(updateUserRequest(update)))
                .flatMap(answer -> totals(answer, update));
    }

    /** The same call over {@link OaAsyncApi}: the outbox keeps many in flight without a thread for each. */
    @Override
    public CompletableFuture<Either<WechatError, MemberTotals>> updateMemberAsync(WechatAccount account,
                                                                                   MemberUpdate update) {
        return calls.callAsync(account, api -> api.updateUser(updateUserRequest(update)))
                .thenApply(answer -> answer.flatMap(totals -> totals(totals, update)));
    }

    private static OaJson.UpdateUserRequest updateUserRequest(MemberUpdate update) {
        return new OaJson.UpdateUserRequest(update.code().value(), update.cardId().value(),
                update.bonus().map(Points::value).getOrNull(), update.addBonus().getOrNull(),
                update.recordBonus().getOrNull(), update.balance().map(Fen::value).getOrNull(),
                update.addBalance().getOrNull(), update.recordBalance().getOrNull(),
                new OaJson.NotifyOptional(update.notifyBonus(), update.notifyBalance()));
    }

    private static Either<WechatError, MemberTotals> totals(OaJson.UpdateUserAnswer answer, MemberUpdate update) {
        return Answers.openId(answer.openid(), "openid").map(openId -> new MemberTotals(
                Points.of(answer.resultBonus() != null ? answer.resultBonus() : update.bonus().map(Points::value).getOrElse(0L)),
                Fen.of(answer.resultBalance() != null ? answer.resultBalance() : update.balance().map(Fen::value).getOrElse(0L)),
                openId));
    }

    /** Asks without {@code check_consume}, so that deleted and unavailable codes answer their status, not an error. */
    @Override
    public Either<WechatError, CodeStatus> codeStatus(WechatAccount account, WechatCardId cardId, Code code) {
        OaJson.CodeGetRequest body = new OaJson.CodeGetRequest(cardId.value(), code.value(), false);
        return calls.call(account, api -> api.codeGet(body))
                .flatMap(answer -> {
                    String answeredCard = answer.card() == null || answer.card().cardId() == null
                            ? cardId.value() : answer.card().cardId();
                    return Answers.cardId(answeredCard, "card.card_id").flatMap(card ->
                            Answers.openId(answer.openid(), "openid").map(openId -> new CodeStatus(card, openId,
                                    Boolean.TRUE.equals(answer.canConsume()),
                                    answer.userCardStatus() == null ? "" : answer.userCardStatus(),
                                    Answers.text(answer.outerStr()))));
                });
    }

    @Override
    public Either<WechatError, Code> decryptCode(WechatAccount account, String encryptCode) {
        OaJson.DecryptRequest body = new OaJson.DecryptRequest(encryptCode);
        return calls.call(account, api -> api.decryptCode(body))
                .flatMap(answer -> Answers.code(answer.code(), "code"));
    }

    @Override
    public Either<WechatError, Done> makeUnavailable(WechatAccount account, WechatCardId cardId, Code code,
                                                     String reason) {
        OaJson.UnavailableRequest body = new OaJson.UnavailableRequest(cardId.value(), code.value(), reason);
        return calls.call(account, api -> api.unavailable(body))
                .map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, List<HeldCard>> cardsOf(WechatAccount account, OpenId openId,
                                                       Option<WechatCardId> cardId) {
        OaJson.CardListRequest body = new OaJson.CardListRequest(openId.value(),
                cardId.map(WechatCardId::value).getOrNull());
        return calls.call(account, api -> api.cardList(body))
                .flatMap(answer -> {
                    List<HeldCard> held = new ArrayList<>();
                    for (OaJson.HeldCode entry : Answers.listOrEmpty(answer.cardList())) {
                        Either<WechatError, HeldCard> card = Answers.cardId(entry.cardId(), "card_list[].card_id")
                                .flatMap(id -> Answers.code(entry.code(), "card_list[].code")
                                        .map(c -> new HeldCard(id, c)));
                        if (card.isLeft()) {
                            return Either.left(card.getLeft());
                        }
                        held.add(card.get());
                    }
                    return Either.right(List.copyOf(held));
                });
    }
}
