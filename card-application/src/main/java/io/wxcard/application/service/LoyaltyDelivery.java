package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.wechat.CustomFieldValues;
import io.wxcard.application.port.out.wechat.MemberFieldsUpdate;
import io.wxcard.application.port.out.wechat.TemplateMessage;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatTemplateMessages;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.MemberLevel;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the loyalty outbox tasks (the dispatcher hands them over, and retries what fails for a reason that may pass).
 * A level is shown as the member holds it when the task runs, so a late or repeated task lands on the right card
 * face. Template messages go through one rate limit per account, and a member who unfollowed the account (43004)
 * is skipped: following again is theirs to do, and retrying would only fail again until the task died.
 */
final class LoyaltyDelivery {

    private final LoyaltyProgramStore programs;
    private final MemberStandingStore standings;
    private final MembershipStore memberships;
    private final WechatMemberCards wechat;
    private final WechatTemplateMessages templates;
    private final Lookups lookups;
    private final double messagesPerSecond;
    private final Map<TenantId, TokenBucket> limits = new ConcurrentHashMap<>();

    LoyaltyDelivery(LoyaltyProgramStore programs, MemberStandingStore standings, MembershipStore memberships,
                    WechatMemberCards wechat, WechatTemplateMessages templates, Lookups lookups,
                    double messagesPerSecond) {
        this.programs = programs;
        this.standings = standings;
        this.memberships = memberships;
        this.wechat = wechat;
        this.templates = templates;
        this.lookups = lookups;
        this.messagesPerSecond = messagesPerSecond;
    }

    Either<Failure, String> showLevel(OutboxTask.ShowMemberLevel task) {
        Option<Membership> member = memberships.find(task.membership());
        if (member.isEmpty() || member.get().state() != MembershipState.ACTIVATED) {
            return Either.right("membership " + task.membership() + " is not active; no level to show");
        }
        LoyaltyProgram program = programs.find(task.tenantId(), task.cardId())
                .getOrElse(() -> LoyaltyProgram.none(task.tenantId(), task.cardId()));
        Option<MemberLevel> level = standings.find(task.membership()).flatMap(standing -> standing.level())
                .flatMap(name -> program.levels().flatMap(scheme -> scheme.level(name)));
        if (level.isEmpty()) {
            return Either.right("membership " + task.membership() + " holds no level of the card; nothing to show");
        }
        return lookups.account(task.tenantId()).flatMap(account -> lookups.card(task.tenantId(), task.cardId())
                .flatMap(card -> card.wechatCardId().isEmpty()
                        ? Either.right("card " + card.id() + " is not on WeChat; nothing to show")
                        : Lookups.fromWechat(wechat.updateMemberFields(account, new MemberFieldsUpdate(
                                card.wechatCardId().get(), task.code(), new CustomFieldValues(
                                        Option.of(level.get().fieldText()), Option.none(), Option.none()),
                                program.notices().notifyLevel(), false, false, level.get().cardFace())))
                        .map(done -> "level " + level.get().name() + " shown to " + task.code())));
    }

    Either<Failure, String> sendTemplate(OutboxTask.SendTemplateMessage task) {
        TokenBucket limit = limits.computeIfAbsent(task.tenantId(), tenant -> new TokenBucket(messagesPerSecond));
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure.Conflict("interrupted while waiting for the template message rate limit"));
        }
        return lookups.account(task.tenantId()).flatMap(account -> {
            Either<WechatError, Long> sent = templates.send(account, new TemplateMessage(new OpenId(task.openId()),
                    task.templateId(), task.url(), task.data()));
            if (sent.isLeft() && sent.getLeft().kind() == WechatError.Kind.NOT_FOLLOWING) {
                return Either.right("template message skipped: " + task.openId() + " no longer follows the account ("
                        + sent.getLeft().code() + ")");
            }
            if (sent.isLeft() && sent.getLeft().kind() == WechatError.Kind.QUOTA) {
                limit.pause(Duration.ofSeconds(1));
            }
            return Lookups.fromWechat(sent).map(msgId -> "template message " + msgId + " sent to " + task.openId());
        });
    }
}
