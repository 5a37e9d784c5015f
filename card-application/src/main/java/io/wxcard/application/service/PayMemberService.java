package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPayNotificationUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.HandleWechatEventUseCase;
import io.wxcard.application.port.in.ImportMemberByPhoneUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.ProcessedPushStore;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatPayCallbacks;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader.MemberCardNotification;
import io.wxcard.application.port.out.wechat.WechatPayPhoneImport;
import io.wxcard.application.port.out.wechat.WechatPayPhoneImport.PhoneImportRequest;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * WeChat Pay's member functions: the import by phone, and the member-card notifications, which are turned into the
 * Official Account's own events ({@code user_get_card}, then the activation) and handled by the same code.
 */
final class PayMemberService implements ImportMemberByPhoneUseCase, AcceptWechatPayNotificationUseCase {

    /** The prefix of a WeChat Pay notification's id among the keys of the pushes already handled. */
    static final String NOTIFICATION_KEY_PREFIX = "wechatpay:";

    private final WechatPayPhoneImport phoneImport;
    private final WechatPayNotificationReader notifications;
    private final WechatPayCallbacks callbacks;
    private final HandleWechatEventUseCase events;
    private final ProcessedPushStore processed;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final ImportedPhones importedPhones;

    PayMemberService(WechatPayPhoneImport phoneImport, WechatPayNotificationReader notifications,
                     WechatPayCallbacks callbacks, HandleWechatEventUseCase events, ProcessedPushStore processed,
                     Lookups lookups, UnitOfWork unitOfWork, Clock clock, ImportedPhones importedPhones) {
        this.importedPhones = importedPhones;
        this.phoneImport = phoneImport;
        this.notifications = notifications;
        this.callbacks = callbacks;
        this.events = events;
        this.processed = processed;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Either<Failure, Code> importByPhone(ImportByPhoneCommand command) {
        return lookups.card(command.tenantId(), command.cardId())
                .flatMap(card -> rejected(card.checkWechatPayMemberFunctions()))
                .flatMap(wechatCardId -> lookups.tenant(command.tenantId())
                        .flatMap(tenant -> rejected(tenant.checkWechatPay("importing members by phone")))
                        .flatMap(merchant -> fromWechat(phoneImport.importByPhone(merchant, new PhoneImportRequest(
                                wechatCardId, command.phone(), command.code(),
                                outRequestNo(wechatCardId.value(), command.phone().normalised()))))))
                // The notification that makes the member carries no phone: kept under the reserved code until then.
                .flatMap(reserved -> unitOfWork.run("phone import of " + reserved, () -> {
                    importedPhones.imported(new MembershipKey(command.tenantId(), command.cardId(), reserved),
                            command.phone());
                    return Either.<Failure, Code>right(reserved);
                }));
    }

    /**
     * Stable per card and phone, so that a repeat (a lost answer, the operator again) is the same request to WeChat
     * Pay; a hash, so that the phone never travels or is logged in it.
     */
    static String outRequestNo(String wechatCardId, String phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((wechatCardId + "|" + phone).getBytes(StandardCharsets.UTF_8));
            return "ph-" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public Either<Failure, String> accept(WechatPayNotification arrived) {
        return lookups.tenant(arrived.tenantId())
                .flatMap(tenant -> rejected(tenant.checkWechatPay("receiving WeChat Pay notifications")))
                .flatMap(merchant -> fromWechat(notifications.read(merchant, arrived.headers(), arrived.body())))
                .flatMap(notification -> unitOfWork.run("WeChat Pay notification " + notification.id(), () ->
                        processed.recordIfNew(arrived.tenantId(), NOTIFICATION_KEY_PREFIX + notification.id(),
                                clock.now())
                                ? handle(arrived.tenantId(), notification)
                                : Either.right("notification " + notification.id() + " already handled")));
    }

    /**
     * A card taken is {@code user_get_card}; an activation is the member's activation in WeChat (what the one-click
     * form's {@code submit_membercard_user_info} tells), after the receipt in case the ACCEPT_CARD notification has
     * not come (WeChat Pay does not promise their order).
     */
    private Either<Failure, String> handle(TenantId tenantId, MemberCardNotification n) {
        if (n.code().isEmpty()) {
            return Either.right(n.eventType() + " without a code; recorded");
        }
        EventHeader header = new EventHeader("", n.openId().value(), n.eventTime().getEpochSecond(), n.eventType());
        WechatEvent.CardReceived received = new WechatEvent.CardReceived(header, n.cardId(), n.code().get(),
                n.outerStr(), false, Option.none(), false, Option.none(), n.unionId());
        return switch (n.eventType()) {
            case MemberCardNotification.ACCEPT_CARD -> events.handle(tenantId, received);
            case MemberCardNotification.ACTIVATE_CARD -> events.handle(tenantId, received)
                    .flatMap(taken -> events.handle(tenantId, new WechatEvent.ActivationFormSubmitted(header,
                            n.cardId(), n.code().get())).map(activated -> taken + "; " + activated));
            default -> Either.right(n.eventType() + " for " + n.code().get() + "; recorded");
        };
    }

    @Override
    public Either<Failure, Done> registerCallback(TenantId tenantId, URI url) {
        return lookups.tenant(tenantId)
                .flatMap(tenant -> rejected(tenant.checkWechatPay("receiving WeChat Pay notifications")))
                .flatMap(merchant -> fromWechat(callbacks.registerCallback(merchant, url)));
    }
}
