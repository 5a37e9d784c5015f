package io.wxcard.adapter.rest;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User tags and card messages for the route tests, by the rules the sandbox models (its EngagementApiTest, and
 * adapter-wechat's EngagementOverSandboxTest over real HTTP): names unique (45157), 50 openids a call (40032),
 * unknown tags 45159, customer-service sends only to followers who wrote (45015).
 */
final class InMemoryEngagementWechat implements WechatUserTags, WechatCardMessages {

    private record TagOnWechat(long id, String name, Set<OpenId> carriers) {}

    /** One message WeChat took: its kind, to whom (an openid or tag:id) and the card. */
    record Sent(String kind, String to, String cardId) {}

    private final Map<Long, TagOnWechat> tags = new LinkedHashMap<>();
    private final Set<OpenId> wrote = new LinkedHashSet<>();
    private final List<Sent> sent = new ArrayList<>();
    private long nextId = 100;

    synchronized void memberWrote(OpenId openId) {
        wrote.add(openId);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized Set<OpenId> carriers(long tagId) {
        return Set.copyOf(tags.get(tagId).carriers());
    }

    @Override
    public synchronized Either<WechatError, Long> createTag(WechatAccount account, String name) {
        if (tags.values().stream().anyMatch(tag -> tag.name().equals(name))) {
            return refused(WechatError.Kind.CONFLICT, "45157", "invalid tag name");
        }
        long id = nextId++;
        tags.put(id, new TagOnWechat(id, name, new LinkedHashSet<>()));
        return Either.right(id);
    }

    @Override
    public synchronized Either<WechatError, List<Tag>> tags(WechatAccount account) {
        return Either.right(tags.values().stream().map(t -> new Tag(t.id(), t.name(), t.carriers().size())).toList());
    }

    @Override
    public synchronized Either<WechatError, Done> renameTag(WechatAccount account, long tagId, String name) {
        return refused(WechatError.Kind.CLIENT_ERROR, "-1", "not used by the routes");
    }

    @Override
    public synchronized Either<WechatError, Done> deleteTag(WechatAccount account, long tagId) {
        return refused(WechatError.Kind.CLIENT_ERROR, "-1", "not used by the routes");
    }

    @Override
    public synchronized Either<WechatError, Done> tagMembers(WechatAccount account, long tagId, List<OpenId> openIds) {
        return change(tagId, openIds, true);
    }

    @Override
    public synchronized Either<WechatError, Done> untagMembers(WechatAccount account, long tagId,
                                                               List<OpenId> openIds) {
        return change(tagId, openIds, false);
    }

    private Either<WechatError, Done> change(long tagId, List<OpenId> openIds, boolean add) {
        if (openIds.isEmpty() || openIds.size() > Segment.MAX_TAGGED_PER_CALL) {
            return refused(WechatError.Kind.CLIENT_ERROR, "40032", "invalid openid list size");
        }
        TagOnWechat tag = tags.get(tagId);
        if (tag == null) {
            return refused(WechatError.Kind.CLIENT_ERROR, "45159", "invalid tag id");
        }
        if (add) {
            tag.carriers().addAll(openIds);
        } else {
            openIds.forEach(tag.carriers()::remove);
        }
        return Either.right(Done.DONE);
    }

    @Override
    public synchronized Either<WechatError, List<OpenId>> membersOf(WechatAccount account, long tagId) {
        TagOnWechat tag = tags.get(tagId);
        return tag == null ? refused(WechatError.Kind.CLIENT_ERROR, "45159", "invalid tag id")
                : Either.right(List.copyOf(tag.carriers()));
    }

    @Override
    public synchronized Either<WechatError, Long> preview(WechatAccount account, OpenId openId, WechatCardId cardId) {
        sent.add(new Sent("preview", openId.value(), cardId.value()));
        return Either.right((long) sent.size());
    }

    @Override
    public synchronized Either<WechatError, Long> sendToTag(WechatAccount account, long tagId, WechatCardId cardId) {
        if (!tags.containsKey(tagId)) {
            return refused(WechatError.Kind.CLIENT_ERROR, "45159", "invalid tag id");
        }
        sent.add(new Sent("mass", "tag:" + tagId, cardId.value()));
        return Either.right((long) sent.size());
    }

    @Override
    public synchronized Either<WechatError, Done> sendToMember(WechatAccount account, OpenId openId,
                                                               WechatCardId cardId) {
        if (!wrote.contains(openId)) {
            return refused(WechatError.Kind.CONFLICT, "45015", "response out of time limit or subscription is "
                    + "canceled");
        }
        sent.add(new Sent("custom", openId.value(), cardId.value()));
        return Either.right(Done.DONE);
    }

    private static <T> Either<WechatError, T> refused(WechatError.Kind kind, String code, String message) {
        return Either.left(new WechatError(kind, code, message));
    }
}
