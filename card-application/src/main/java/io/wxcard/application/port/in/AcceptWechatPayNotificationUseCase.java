package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.domain.tenant.TenantId;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Receives WeChat Pay's member-card notifications ({@code MEMBERCARD.ACCEPT_CARD}, {@code ACTIVATE_CARD},
 * {@code USERCARD_MANAGE}): verified against the tenant's platform keys, decrypted with its APIv3 key, handled once
 * per notification id (WeChat Pay repeats them), and acted on by the same handling as the Official Account's pushes,
 * so a member who takes a card through WeChat Pay has a membership with its ledger like any other.
 */
public interface AcceptWechatPayNotificationUseCase {

    /**
     * @return what was done, for the log; a {@link Failure.WechatFailed} of kind UNTRUSTED_ANSWER when the
     *         notification does not verify or decrypt (answer WeChat Pay with an error: it sends again)
     */
    Either<Failure, String> accept(WechatPayNotification notification);

    /** Where WeChat Pay is to send the tenant's member-card notifications (membercard-open {@code callback}). */
    Either<Failure, Done> registerCallback(TenantId tenantId, URI url);

    /** A notification as it arrived: its headers (names in any case) and the raw body its signature covers. */
    record WechatPayNotification(TenantId tenantId, Map<String, ? extends Collection<String>> headers, byte[] body) {
        public WechatPayNotification {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }
    }
}
