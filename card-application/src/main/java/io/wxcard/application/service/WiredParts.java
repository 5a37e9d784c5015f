package io.wxcard.application.service;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.wechat.WechatMemberCards;

/** The parts of a wired {@link CardServices} that {@link LoyaltyServices} builds on. */
record WiredParts(UnitOfWork unitOfWork, Lookups lookups, OutboxWriter outboxWriter, LedgerService ledger,
                  OutboxDispatcher dispatcher, CardService editCard, Clock clock, MembershipStore memberships,
                  LedgerStore ledgerStore, WechatMemberCards wechatMembers, EventPublisher publisher) {}
