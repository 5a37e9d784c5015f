package io.wxcard.application.service;

import io.wxcard.application.port.in.ConfigureLoyaltyUseCase;
import io.wxcard.application.port.in.MemberLevelsUseCase;
import io.wxcard.application.port.in.RecordPurchaseUseCase;
import io.wxcard.application.port.in.RunLoyaltyPeriodsUseCase;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.wechat.WechatTemplateMessages;
import java.util.Objects;

/**
 * The loyalty use cases (issue 17 items 1-3: levels, points rules, notices), wired onto an application by
 * {@link CardServices#loyalty}. Separate from {@link CardServices}' own dependencies so that an embedder who does not
 * use them wires nothing new.
 */
public final class LoyaltyServices {

    /**
     * @param templateMessagesPerSecond the rate limit of template messages per account (WeChat's own limit is a daily
     *                                  quota; this keeps a burst of changes from spending it in one go)
     */
    public record LoyaltyDependencies(LoyaltyProgramStore programs, MemberStandingStore standings,
                                      WechatTemplateMessages templateMessages, double templateMessagesPerSecond) {
        public LoyaltyDependencies {
            Objects.requireNonNull(programs, "loyalty programs");
            Objects.requireNonNull(standings, "member standings");
            Objects.requireNonNull(templateMessages, "template messages");
            if (templateMessagesPerSecond <= 0) {
                throw new IllegalArgumentException("the template message rate must be positive, got "
                        + templateMessagesPerSecond);
            }
        }
    }

    private final LoyaltyConfigService config;
    private final LoyaltyService loyalty;
    private final LoyaltyPeriods periods;

    LoyaltyServices(WiredParts app, LoyaltyDependencies l) {
        MemberNotices notices = new MemberNotices(app.outboxWriter());
        RecentLoyaltyPrograms programs = new RecentLoyaltyPrograms(l.programs()); // saves through it forget
        this.config = new LoyaltyConfigService(programs, app.editCard(), app.lookups(), app.unitOfWork());
        this.loyalty = new LoyaltyService(programs, l.standings(), app.ledger(), app.outboxWriter(), notices,
                app.lookups(), app.unitOfWork(), app.clock(), app.publisher());
        this.periods = new LoyaltyPeriods(programs, app.memberships(), app.ledgerStore(), loyalty, l.standings(),
                app.lookups(), app.unitOfWork(), app.clock());
        LoyaltyDelivery delivery = new LoyaltyDelivery(programs, l.standings(), app.memberships(),
                app.wechatMembers(), l.templateMessages(), app.lookups(), l.templateMessagesPerSecond());
        app.ledger().follow(loyalty);
        app.dispatcher().handle(OutboxTask.ShowMemberLevel.class, delivery::showLevel);
        app.dispatcher().handle(OutboxTask.SendTemplateMessage.class, delivery::sendTemplate);
    }

    public ConfigureLoyaltyUseCase configureLoyalty() {
        return config;
    }

    public RecordPurchaseUseCase recordPurchase() {
        return loyalty;
    }

    public MemberLevelsUseCase memberLevels() {
        return loyalty;
    }

    public RunLoyaltyPeriodsUseCase loyaltyPeriods() {
        return periods;
    }
}
