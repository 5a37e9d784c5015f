package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.membership.OpenId;
import java.util.List;

/** The account's user tags ({@code cgi-bin/tags/*}): what a mass message is sent to. */
public interface WechatUserTags {

    /** A WeChat user tag: its id, name and how many followers carry it. */
    record Tag(long id, String name, long count) {}

    /** {@code tags/create}: the new tag's id. 45157: the name is taken; 45056: the account has 100 tags. */
    Either<WechatError, Long> createTag(WechatAccount account, String name);

    /** {@code tags/get}: every tag of the account. */
    Either<WechatError, List<Tag>> tags(WechatAccount account);

    /** {@code tags/update}: renames a tag. */
    Either<WechatError, Done> renameTag(WechatAccount account, long tagId, String name);

    /** {@code tags/delete}. */
    Either<WechatError, Done> deleteTag(WechatAccount account, long tagId);

    /** {@code tags/members/batchtagging}: at most {@code Segment.MAX_TAGGED_PER_CALL} openids a call. */
    Either<WechatError, Done> tagMembers(WechatAccount account, long tagId, List<OpenId> openIds);

    /** {@code tags/members/batchuntagging}: at most {@code Segment.MAX_TAGGED_PER_CALL} openids a call. */
    Either<WechatError, Done> untagMembers(WechatAccount account, long tagId, List<OpenId> openIds);

    /** {@code user/tag/get}, page after page ({@code next_openid}): every follower carrying the tag. */
    Either<WechatError, List<OpenId>> membersOf(WechatAccount account, long tagId);
}
