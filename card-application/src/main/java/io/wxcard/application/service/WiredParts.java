package io.wxcard.application.service;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.wechat.WechatMemberCards;

/** The parts of a wired {@link CardServices} that {@link LoyaltyServices} builds on. */
record WiredParts(UnitOfWork unitOfWork, Lookups lookups, OutboxWriter outboxWriter, LedgerService ledger,
                  OutboxDispatcher dispatcher, CardService editCard, CardServices.Dependencies d) {

    Clock clock() {
        return d.clock();
    }

    MembershipStore memberships() {
        return d.memberships();
    }

    LedgerStore ledgerStore() {
        return d.ledger();
    }

    WechatMemberCards wechatMembers() {
        return d.wechatMembers();
    }
}
