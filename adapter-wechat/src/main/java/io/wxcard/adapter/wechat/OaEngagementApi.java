package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.RequestLine;

/**
 * The Official Account endpoints of issue 17: user tags, card messages, card statistics. Apart from {@link OaApi} so
 * that each interface stays readable; the same token interceptor, codec and {@link RepeatSafe} rules apply.
 */
@Headers({"Content-Type: application/json; charset=utf-8", "Accept: application/json"})
interface OaEngagementApi {

    /** NOT repeated: a repeat answers 45157 (the name is taken), which the tag's owner reads as "already made". */
    @RequestLine("POST /cgi-bin/tags/create")
    EngagementJson.TagAnswer createTag(EngagementJson.TagEnvelope tag);

    @RepeatSafe
    @RequestLine("GET /cgi-bin/tags/get")
    EngagementJson.TagsAnswer tags();

    /** Sets the name, so a repeat lands on the same name. */
    @RepeatSafe
    @RequestLine("POST /cgi-bin/tags/update")
    OaJson.Plain updateTag(EngagementJson.TagEnvelope tag);

    /** NOT repeated: a repeat answers 45159 for a delete that worked. */
    @RequestLine("POST /cgi-bin/tags/delete")
    OaJson.Plain deleteTag(EngagementJson.TagEnvelope tag);

    /** Tagging a member who has the tag changes nothing. */
    @RepeatSafe
    @RequestLine("POST /cgi-bin/tags/members/batchtagging")
    OaJson.Plain tagMembers(EngagementJson.TaggingRequest request);

    /** Untagging a member who does not carry the tag changes nothing. */
    @RepeatSafe
    @RequestLine("POST /cgi-bin/tags/members/batchuntagging")
    OaJson.Plain untagMembers(EngagementJson.TaggingRequest request);

    /** A read: one page of the tag's followers, from {@code next_openid} (empty: from the start). */
    @RepeatSafe
    @RequestLine("POST /cgi-bin/user/tag/get")
    EngagementJson.TagFansAnswer tagFans(EngagementJson.TagFansRequest request);

    /** NOT repeat-safe: a repeat sends the preview twice. */
    @RequestLine("POST /cgi-bin/message/mass/preview")
    EngagementJson.MassAnswer preview(EngagementJson.CardMessageRequest request);

    /** NOT repeat-safe: a repeat sends the card to the whole tag again. */
    @RequestLine("POST /cgi-bin/message/mass/sendall")
    EngagementJson.MassAnswer sendAll(EngagementJson.CardMessageRequest request);

    /** NOT repeat-safe: a repeat sends the member the card twice. */
    @RequestLine("POST /cgi-bin/message/custom/send")
    OaJson.Plain customSend(EngagementJson.CardMessageRequest request);

    @RepeatSafe
    @RequestLine("POST /datacube/getcardmembercarddetail")
    EngagementJson.FiguresAnswer memberCardDetail(EngagementJson.FiguresRequest request);

    @RepeatSafe
    @RequestLine("POST /datacube/getcardmembercardinfo")
    EngagementJson.FiguresAnswer memberCardInfo(EngagementJson.FiguresRequest request);

    @RepeatSafe
    @RequestLine("POST /datacube/getcardbizuininfo")
    EngagementJson.FiguresAnswer bizuinInfo(EngagementJson.FiguresRequest request);
}
