package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.segment.MemberFacts;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What statistics and segments read: WeChat's daily card figures as pulled, and our own records of a card's members
 * (memberships, ledger entries) as the figures and the segments' criteria read them.
 */
public interface CardStatisticsStore {

    /** Keeps WeChat's figures; a day already kept for the same scope and card is replaced (WeChat may revise it). */
    void saveWechatFigures(TenantId tenantId, List<WechatDailyFigures> figures);

    /** The kept figures of one scope (and card, for {@code CARD}), {@code from} to {@code to} included, by day. */
    List<WechatDailyFigures> wechatFigures(TenantId tenantId, WechatDailyFigures.Scope scope,
                                           Option<WechatCardId> cardId, LocalDate from, LocalDate to);

    /** The card's memberships received or activated in {@code [from, until)}. */
    List<OurFigures.Received> receipts(TenantId tenantId, CardId cardId, Instant from, Instant until);

    /** The card's ledger entries recorded in {@code [from, until)}. */
    List<OurFigures.Movement> movements(TenantId tenantId, CardId cardId, Instant from, Instant until);

    /**
     * The card's members who hold it (issued or activated), as segments read them: points, the store of their
     * receipt, their latest ledger entry or store visit, imported or not. Levels are not kept here (none).
     */
    List<MemberFacts> memberFacts(TenantId tenantId, CardId cardId);

    /**
     * Claims the daily pull of WeChat's figures of {@code day} for the tenant: true for the one caller, of every
     * instance, that gets it; false once anyone has (a row per tenant and day).
     */
    boolean claimDailyPull(TenantId tenantId, LocalDate day, Instant at);

    /** Gives a claimed day back after its pull failed, so that a later round claims and tries it again. */
    void releaseDailyPull(TenantId tenantId, LocalDate day);
}
