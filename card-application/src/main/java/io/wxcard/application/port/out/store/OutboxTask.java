package io.wxcard.application.port.out.store;

import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call to WeChat that must follow a state change we already committed. Written in the same transaction as the
 * change, sent later by the dispatcher, retried until it lands.
 *
 * <p>Stores keep a task as its {@link #kind()} and its {@link #fields()} (strings only) and rebuild it with
 * {@link #decode}, so no store needs to know the task types.
 */
public sealed interface OutboxTask {

    TenantId tenantId();

    String kind();

    Map<String, String> fields();

    /**
     * Tasks with the same key may be sent as one call: a store claims them together (see
     * {@link OutboxStore#claim(String, TenantId, int, Instant, java.time.Duration)}). None by default.
     */
    default Option<String> coalesceKey() {
        return Option.none();
    }

    /**
     * Bring WeChat's totals for a membership in line with our ledger. The dispatcher sends the ledger's totals as they
     * are when it runs (absolute {@code bonus}/{@code balance}), so tasks may run in any order, and twice, and still
     * land on the same totals.
     *
     * @param sequence the ledger entry that asked for the sync (its delta and reason are shown to the member); 0 for a
     *                 re-sync no entry asked for (WeChat missed changes, see {@link CheckMemberTotals}): the totals
     *                 alone are sent
     */
    record SyncMemberTotals(TenantId tenantId, CardId cardId, Code code, long sequence) implements OutboxTask {
        public String kind() {
            return "sync_member_totals";
        }

        public Map<String, String> fields() {
            return ordered("card_id", cardId.value(), "code", code.value(), "sequence", Long.toString(sequence));
        }

        public MembershipKey membership() {
            return new MembershipKey(tenantId, cardId, code);
        }

        /** Every pending sync of one membership becomes one {@code updateuser} with the latest totals. */
        @Override
        public Option<String> coalesceKey() {
            return Option.of("sync/" + tenantId.value() + "/" + cardId.value() + "/" + code.value());
        }
    }

    /** Make a member's card unusable on WeChat ({@code /card/code/unavailable}). */
    record InvalidateOnWechat(TenantId tenantId, CardId cardId, Code code, String reason) implements OutboxTask {
        public String kind() {
            return "invalidate_on_wechat";
        }

        public Map<String, String> fields() {
            return ordered("card_id", cardId.value(), "code", code.value(), "reason", reason);
        }

        public MembershipKey membershipKey() {
            return new MembershipKey(tenantId, cardId, code);
        }
    }

    /** Delete a card on WeChat ({@code /card/delete}); members keep the cards they hold. */
    record DeleteCardOnWechat(TenantId tenantId, CardId cardId, WechatCardId wechatCardId) implements OutboxTask {
        public String kind() {
            return "delete_card_on_wechat";
        }

        public Map<String, String> fields() {
            return ordered("card_id", cardId.value(), "wechat_card_id", wechatCardId.value());
        }
    }

    /** Read what a member entered in the one-click form ({@code /card/membercard/userinfo/get}) and record it. */
    record PullMemberInfo(TenantId tenantId, CardId cardId, Code code) implements OutboxTask {
        public String kind() {
            return "pull_member_info";
        }

        public Map<String, String> fields() {
            return ordered("card_id", cardId.value(), "code", code.value());
        }
    }

    /**
     * Compare WeChat's totals for a membership ({@code /card/membercard/userinfo/get}) with the ledger's and book what
     * the ledger and the syncs on their way do not explain (see {@code TotalsCheck}). Asked for by
     * {@code update_member_card}, whose deltas ({@code reportedBonus}, {@code reportedBalance}) may be an echo of our
     * own sync and are never booked blindly.
     */
    record CheckMemberTotals(TenantId tenantId, CardId cardId, Code code, long reportedBonus, long reportedBalance)
            implements OutboxTask {
        public String kind() {
            return "check_member_totals";
        }

        public Map<String, String> fields() {
            return ordered("card_id", cardId.value(), "code", code.value(), "reported_bonus",
                    Long.toString(reportedBonus), "reported_balance", Long.toString(reportedBalance));
        }

        public MembershipKey membership() {
            return new MembershipKey(tenantId, cardId, code);
        }
    }

    /**
     * Show a member their level on WeChat: the level's card face and custom field text ({@code updateuser} with
     * {@code background_pic_url} and {@code custom_field_value1}). The dispatcher sends the level the member holds
     * when it runs, so a repeat or a late task lands on the same card.
     */
    record ShowMemberLevel(TenantId tenantId, CardId cardId, Code code) implements OutboxTask {
        public String kind() {
            return "show_member_level";
        }

        public Map<String, String> fields() {
            return ordered("card_id", cardId.value(), "code", code.value());
        }

        public MembershipKey membership() {
            return new MembershipKey(tenantId, cardId, code);
        }
    }

    /**
     * A template message to a member ({@code message/template/send}). Stored with its rendered values, so that what
     * the member reads is what the change said when it happened. A member who unfollowed is skipped, not retried.
     *
     * @param data the template's keys and values, in order
     */
    record SendTemplateMessage(TenantId tenantId, String openId, String templateId, Option<String> url,
                               Map<String, String> data) implements OutboxTask {
        static final String DATA = "data.";

        public String kind() {
            return "send_template_message";
        }

        public Map<String, String> fields() {
            Map<String, String> fields = ordered("openid", openId, "template_id", templateId);
            url.forEach(link -> fields.put("url", link));
            data.forEach((key, value) -> fields.put(DATA + key, value));
            return fields;
        }

        static SendTemplateMessage decode(TenantId tenantId, Map<String, String> fields) {
            Map<String, String> data = new LinkedHashMap<>();
            fields.forEach((key, value) -> {
                if (key.startsWith(DATA)) {
                    data.put(key.substring(DATA.length()), value);
                }
            });
            return new SendTemplateMessage(tenantId, fields.get("openid"), fields.get("template_id"),
                    Option.of(fields.get("url")), data);
        }
    }

    /** Rebuilds a stored task. */
    static OutboxTask decode(TenantId tenantId, String kind, Map<String, String> fields) {
        return switch (kind) {
            case "sync_member_totals" -> new SyncMemberTotals(tenantId, new CardId(fields.get("card_id")),
                    new Code(fields.get("code")), Long.parseLong(fields.get("sequence")));
            case "invalidate_on_wechat" -> new InvalidateOnWechat(tenantId, new CardId(fields.get("card_id")),
                    new Code(fields.get("code")), fields.get("reason"));
            case "delete_card_on_wechat" -> new DeleteCardOnWechat(tenantId, new CardId(fields.get("card_id")),
                    new WechatCardId(fields.get("wechat_card_id")));
            case "pull_member_info" -> new PullMemberInfo(tenantId, new CardId(fields.get("card_id")),
                    new Code(fields.get("code")));
            case "check_member_totals" -> new CheckMemberTotals(tenantId, new CardId(fields.get("card_id")),
                    new Code(fields.get("code")), Long.parseLong(fields.get("reported_bonus")),
                    Long.parseLong(fields.get("reported_balance")));
            case "show_member_level" -> new ShowMemberLevel(tenantId, new CardId(fields.get("card_id")),
                    new Code(fields.get("code")));
            case "send_template_message" -> SendTemplateMessage.decode(tenantId, fields);
            default -> throw new IllegalArgumentException("unknown outbox task kind: " + kind);
        };
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
