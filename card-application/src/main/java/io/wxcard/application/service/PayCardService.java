package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.domain.card.Card;

/**
 * A card's upgrade for WeChat Pay: checked here, made on WeChat Pay, then recorded on the card (read afresh), so a card
 * is marked upgraded only once WeChat Pay said so.
 */
final class PayCardService implements UpgradeCardForWechatPayUseCase {

    private final CardStore cards;
    private final WechatPayCardUpgrade upgrades;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventPublisher events;

    PayCardService(CardStore cards, WechatPayCardUpgrade upgrades, Lookups lookups, UnitOfWork unitOfWork,
                   Clock clock, EventPublisher events) {
        this.cards = cards;
        this.upgrades = upgrades;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Either<Failure, Card> upgrade(UpgradeCardCommand command) {
        return lookups.card(command.tenantId(), command.cardId()).flatMap(card -> {
            if (card.payUpgrade().exists(upgrade -> upgrade.brandId().equals(command.brandId()))) {
                return Either.right(card); // already upgraded under this brand: nothing to ask WeChat Pay
            }
            return rejected(card.checkUpgradableForWechatPay(command.brandId()))
                    .flatMap(wechatCardId -> lookups.tenant(command.tenantId())
                            .flatMap(tenant -> rejected(tenant.checkWechatPay("upgrading a card for WeChat Pay"))
                                    .flatMap(merchant -> fromWechat(upgrades.upgrade(merchant, wechatCardId,
                                            command.brandId(), tenant.appId())))))
                    .flatMap(done -> record(command));
        });
    }

    private Either<Failure, Card> record(UpgradeCardCommand command) {
        return unitOfWork.run("card " + command.cardId(), () -> lookups.card(command.tenantId(), command.cardId())
                .flatMap(fresh -> rejected(fresh.upgradedForWechatPay(command.brandId(), clock.now())).map(change -> {
                    if (!change.changed()) {
                        return change.card();
                    }
                    Card saved = cards.save(change.card());
                    events.cardChanged(fresh, saved);
                    return saved;
                })));
    }
}
