package io.wxcard.application.service;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.loyalty.TemplateNotice;
import io.wxcard.domain.membership.Membership;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template messages a card's notice settings ask for, enqueued in the caller's transaction so that a message goes
 * out only for a change that was committed, and is retried until WeChat takes it. The values are the common keys of
 * WeChat's member templates: {@code first} (what happened), {@code keyword1} (the change), {@code keyword2} (the
 * total after it), {@code remark} (the merchant's marketing line).
 */
final class MemberNotices {

    private final OutboxWriter outbox;

    MemberNotices(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * A points or balance change the merchant's side made (WeChat's own changes are WeChat's to tell). A purchase's
     * points are told by the post-payment message instead, when the card has one, so the member gets one message.
     */
    void entryRecorded(Membership membership, LedgerEntry entry, NoticeSettings notices) {
        if (entry.source() == EntrySource.WECHAT || entry.source() == EntrySource.IMPORT) {
            return;
        }
        if (entry.source() == EntrySource.PURCHASE && notices.afterPurchase().isDefined()) {
            return;
        }
        Option<TemplateNotice> notice = entry.asset() == Asset.POINTS ? notices.onPoints() : notices.onBalance();
        notice.forEach(template -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("first", entry.reason());
            data.put("keyword1", entry.asset() == Asset.POINTS ? signed(entry.delta()) + " 积分"
                    : signedYuan(entry.delta()));
            data.put("keyword2", entry.asset() == Asset.POINTS ? entry.pointsAfter().value() + " 积分"
                    : yuan(entry.balanceAfter().value()));
            data.put("remark", template.marketingLine());
            enqueue(membership, template, data);
        });
    }

    /** The post-payment message: what was paid and what it earned. */
    void purchased(Membership membership, Purchase purchase, NoticeSettings notices) {
        notices.afterPurchase().forEach(template -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("first", "感谢您的消费");
            data.put("keyword1", yuan(purchase.amount().value()));
            data.put("keyword2", signed(purchase.earned().value()) + " 积分");
            data.put("remark", template.marketingLine());
            enqueue(membership, template, data);
        });
    }

    private void enqueue(Membership membership, TemplateNotice template, Map<String, String> data) {
        outbox.enqueue(new OutboxTask.SendTemplateMessage(membership.tenantId(), membership.openId().value(),
                template.templateId(), template.link(), data));
    }

    private static String signed(long delta) {
        return (delta > 0 ? "+" : "") + delta;
    }

    private static String signedYuan(long fen) {
        return (fen > 0 ? "+" : "") + yuan(fen);
    }

    /** Fen as 元 with two decimals, the way a receipt shows it. */
    static String yuan(long fen) {
        String text = Fen.of(fen).toString();
        return text.substring(0, text.length() - " yuan".length()) + "元";
    }
}
