package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards.PayMemberCard;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards.TotalChange;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An upgraded card's totals, synced through WeChat Pay: once a card is upgraded, WeChat says the old interfaces no
 * longer update it (FIDELITY.md section 15), and WeChat Pay's changes name the total before and after. So the sync
 * reads the member's card on WeChat Pay, and sets each total that differs from the ledger from what WeChat Pay holds
 * to what the ledger says. A repeat (a lost answer, a retried batch) finds the total already right and sends nothing,
 * and its {@code out_request_no} (the membership, the batch's last ledger sequence, before and after) is the same.
 */
final class PayTotalsSync {

    private final WechatPayMemberCards pay;
    private final Lookups lookups;

    PayTotalsSync(WechatPayMemberCards pay, Lookups lookups) {
        this.pay = pay;
        this.lookups = lookups;
    }

    /** Sends what {@code update} asks (its absolute totals) through WeChat Pay; answers what it did. */
    Either<Failure, String> sync(MembershipKey key, MemberUpdate update, long lastSequence) {
        return lookups.tenant(key.tenantId())
                .flatMap(tenant -> rejected(tenant.checkWechatPay("syncing the totals of an upgraded card")))
                .flatMap(merchant -> fromWechat(pay.memberCard(merchant, update.cardId(), update.code()))
                        .flatMap(held -> send(merchant, key, update, held, lastSequence)));
    }

    private Either<Failure, String> send(MerchantCredentials merchant, MembershipKey key, MemberUpdate update,
                                         PayMemberCard held, long lastSequence) {
        List<String> sent = new ArrayList<>();
        if (update.balance().isDefined() && update.balance().get().value() != held.balance().value()) {
            TotalChange change = change(key, update, "balance", held.balance().value(),
                    update.balance().get().value(), update.recordBalance(), lastSequence);
            Either<Failure, Done> done = fromWechat(pay.changeBalance(merchant, change));
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            sent.add("balance " + change.before() + " -> " + change.after());
        }
        if (update.bonus().isDefined() && update.bonus().get().value() != held.bonus().value()) {
            TotalChange change = change(key, update, "bonus", held.bonus().value(), update.bonus().get().value(),
                    Option.none(), lastSequence);
            Either<Failure, Done> done = fromWechat(pay.changeBonus(merchant, change));
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            sent.add("points " + change.before() + " -> " + change.after());
        }
        return Either.right("totals of " + key.code() + " synced through WeChat Pay: "
                + (sent.isEmpty() ? "already right" : String.join(", ", sent)));
    }

    private static TotalChange change(MembershipKey key, MemberUpdate update, String total, long before, long after,
                                      Option<String> remark, long lastSequence) {
        return new TotalChange(update.cardId(), update.code(), before, after, remark,
                requestNo(key + "|" + total + "|" + lastSequence + "|" + before + "|" + after));
    }

    /** 32 hex digits of SHA-256: the same change always has the same out_request_no, another one another. */
    static String requestNo(String change) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(change.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
