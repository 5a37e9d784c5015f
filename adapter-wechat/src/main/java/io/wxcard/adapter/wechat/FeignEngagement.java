package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@link WechatUserTags}, {@link WechatCardMessages} and {@link WechatCardStatistics} over {@link OaEngagementApi}. */
final class FeignEngagement implements WechatUserTags, WechatCardMessages, WechatCardStatistics {

    /** The cards wxcard makes are made through the API ({@code cond_source} 1; 0 is "made on the platform"). */
    private static final int MADE_THROUGH_THE_API = 1;

    /** 10,000 followers a page: a million carrying one tag is past what a card's segment can be. */
    private static final int MAX_TAG_PAGES = 100;

    private final OaClients calls;

    FeignEngagement(OaClients calls) {
        this.calls = calls;
    }

    // ---- tags ---------------------------------------------------------------------------------------------------

    @Override
    public Either<WechatError, Long> createTag(WechatAccount account, String name) {
        return calls.callEngagement(account, api -> api.createTag(new EngagementJson.TagEnvelope(
                        new EngagementJson.Tag(null, name, null))))
                .flatMap(answer -> answer.tag() == null || answer.tag().id() == null
                        ? Either.left(Answers.missing("tag.id")) : Either.right(answer.tag().id()));
    }

    @Override
    public Either<WechatError, List<Tag>> tags(WechatAccount account) {
        return calls.callEngagement(account, OaEngagementApi::tags).map(answer -> Answers.listOrEmpty(answer.tags())
                .stream().filter(tag -> tag.id() != null && tag.name() != null)
                .map(tag -> new Tag(tag.id(), tag.name(), tag.count() == null ? 0 : tag.count())).toList());
    }

    @Override
    public Either<WechatError, Done> renameTag(WechatAccount account, long tagId, String name) {
        return calls.callEngagement(account, api -> api.updateTag(new EngagementJson.TagEnvelope(
                new EngagementJson.Tag(tagId, name, null)))).map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, Done> deleteTag(WechatAccount account, long tagId) {
        return calls.callEngagement(account, api -> api.deleteTag(new EngagementJson.TagEnvelope(
                new EngagementJson.Tag(tagId, null, null)))).map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, Done> tagMembers(WechatAccount account, long tagId, List<OpenId> openIds) {
        return calls.callEngagement(account, api -> api.tagMembers(new EngagementJson.TaggingRequest(
                openIds.stream().map(OpenId::value).toList(), tagId))).map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, Done> untagMembers(WechatAccount account, long tagId, List<OpenId> openIds) {
        return calls.callEngagement(account, api -> api.untagMembers(new EngagementJson.TaggingRequest(
                openIds.stream().map(OpenId::value).toList(), tagId))).map(answer -> Done.DONE);
    }

    /** Page after page until one comes back empty (WeChat's last full page still names a next_openid). */
    @Override
    public Either<WechatError, List<OpenId>> membersOf(WechatAccount account, long tagId) {
        List<OpenId> all = new ArrayList<>();
        String next = "";
        for (int page = 0; page < MAX_TAG_PAGES; page++) {
            String from = next;
            var answer = calls.callEngagement(account, api -> api.tagFans(new EngagementJson.TagFansRequest(tagId,
                    from)));
            if (answer.isLeft()) {
                return Either.left(answer.getLeft());
            }
            List<String> openIds = answer.get().data() == null ? List.of()
                    : Answers.listOrEmpty(answer.get().data().openid());
            openIds.forEach(openId -> all.add(new OpenId(openId)));
            next = answer.get().nextOpenid();
            if (openIds.isEmpty() || next == null || next.isEmpty()) {
                return Either.right(all);
            }
        }
        return Either.left(Answers.missing("an end to user/tag/get's pages (more than " + MAX_TAG_PAGES + ")"));
    }

    // ---- card messages ------------------------------------------------------------------------------------------

    @Override
    public Either<WechatError, Long> preview(WechatAccount account, OpenId openId, WechatCardId cardId) {
        return calls.callEngagement(account, api -> api.preview(EngagementJson.CardMessageRequest.to(openId.value(),
                cardId.value()))).flatMap(FeignEngagement::msgId);
    }

    @Override
    public Either<WechatError, Long> sendToTag(WechatAccount account, long tagId, WechatCardId cardId) {
        return calls.callEngagement(account, api -> api.sendAll(EngagementJson.CardMessageRequest.toTag(tagId,
                cardId.value()))).flatMap(FeignEngagement::msgId);
    }

    @Override
    public Either<WechatError, Done> sendToMember(WechatAccount account, OpenId openId, WechatCardId cardId) {
        return calls.callEngagement(account, api -> api.customSend(EngagementJson.CardMessageRequest.to(
                openId.value(), cardId.value()))).map(answer -> Done.DONE);
    }

    private static Either<WechatError, Long> msgId(EngagementJson.MassAnswer answer) {
        return answer.msgId() == null ? Either.left(Answers.missing("msg_id")) : Either.right(answer.msgId());
    }

    // ---- statistics ---------------------------------------------------------------------------------------------

    @Override
    public Either<WechatError, List<WechatDailyFigures>> memberCard(WechatAccount account, WechatCardId cardId,
                                                                    StatisticsRange range) {
        return figures(account, api -> api.memberCardDetail(new EngagementJson.FiguresRequest(range.from().toString(),
                range.to().toString(), null, cardId.value())), WechatDailyFigures.Scope.CARD, Option.of(cardId));
    }

    @Override
    public Either<WechatError, List<WechatDailyFigures>> memberCards(WechatAccount account, StatisticsRange range) {
        return figures(account, api -> api.memberCardInfo(new EngagementJson.FiguresRequest(range.from().toString(),
                        range.to().toString(), MADE_THROUGH_THE_API, null)), WechatDailyFigures.Scope.MEMBER_CARDS,
                Option.none());
    }

    @Override
    public Either<WechatError, List<WechatDailyFigures>> allCards(WechatAccount account, StatisticsRange range) {
        return figures(account, api -> api.bizuinInfo(new EngagementJson.FiguresRequest(range.from().toString(),
                range.to().toString(), MADE_THROUGH_THE_API, null)), WechatDailyFigures.Scope.ALL_CARDS, Option.none());
    }

    private Either<WechatError, List<WechatDailyFigures>> figures(
            WechatAccount account, Function<OaEngagementApi, EngagementJson.FiguresAnswer> call,
            WechatDailyFigures.Scope scope, Option<WechatCardId> cardId) {
        return calls.callEngagement(account, call).flatMap(answer -> {
            List<WechatDailyFigures> days = new ArrayList<>();
            for (EngagementJson.Day day : Answers.listOrEmpty(answer.list())) {
                LocalDate date;
                try {
                    date = LocalDate.parse(String.valueOf(day.refDate()));
                } catch (DateTimeParseException unreadable) {
                    return Either.left(Answers.missing("list[].ref_date as yyyy-MM-dd"));
                }
                days.add(new WechatDailyFigures(scope, cardId, date, n(day.viewCnt()), n(day.viewUser()),
                        n(day.receiveCnt()), n(day.receiveUser()), n(day.verifyCnt()), n(day.verifyUser()),
                        n(day.activeUser()), n(day.totalUser()), n(day.newUser()), n(day.givenCnt()),
                        n(day.expireCnt())));
            }
            return Either.right(days);
        });
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }
}
