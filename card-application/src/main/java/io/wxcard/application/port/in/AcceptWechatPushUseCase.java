package io.wxcard.application.port.in;

import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.domain.tenant.TenantId;

/**
 * Takes what arrived at a tenant's push URL: verifies it, answers a retried push without handling it twice, and
 * handles the event quickly enough to answer WeChat within its 5 seconds (slow WeChat calls go to the outbox).
 */
public interface AcceptWechatPushUseCase {

    PushOutcome accept(TenantId tenantId, PushRequest request);

    /** What to answer WeChat. */
    sealed interface PushOutcome {
        /** The configuration handshake: answer {@code echostr} unchanged. */
        record Echo(String echostr) implements PushOutcome {}

        /** Handled (or handled before, or not for us): answer {@code success}. */
        record Accepted(String account) implements PushOutcome {}

        /** Not verified: answer with an error; WeChat will retry a genuine push. */
        record Refused(PushRejection rejection) implements PushOutcome {}

        /** No such tenant. */
        record UnknownTenant(TenantId tenantId) implements PushOutcome {}

        /**
         * Verified, but it could not be handled now (the database is down, say): nothing was recorded, so answer an
         * error and let WeChat retry it.
         */
        record RetryLater(String reason) implements PushOutcome {}
    }
}
