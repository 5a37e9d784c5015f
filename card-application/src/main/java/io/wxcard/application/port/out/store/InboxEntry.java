package io.wxcard.application.port.out.store;

import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified push, kept exactly as it arrived so that applying it later decodes the same bytes the answer was given
 * for (decoded again as of {@code receivedAt}, so the replay window does not age it).
 *
 * @param pushKey what makes the push unique ({@code WechatEvent.dedupeKey()}): a retry with the same key adds nothing
 * @param sender  whose push it is (WeChat's {@code FromUserName}): pushes of one sender are applied in the order they
 *                arrived, one after the other, whichever instance applies them
 */
public record InboxEntry(String id, TenantId tenantId, String pushKey, String sender, Instant receivedAt,
                         PushRequest push) {
    public InboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(pushKey, "push key");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(push, "push");
    }
}
