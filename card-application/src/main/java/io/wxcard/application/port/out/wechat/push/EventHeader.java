package io.wxcard.application.port.out.wechat.push;

/**
 * The fields every event push carries.
 *
 * @param fromUserName the member's openid (or a system account for review results)
 * @param createTime   seconds since the epoch, as WeChat sent it
 * @param event        WeChat's event name, for example {@code user_get_card}
 */
public record EventHeader(String toUserName, String fromUserName, long createTime, String event) {}
