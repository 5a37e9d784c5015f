package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One member card (a card_id) with its review status, its stock and the codes its members hold. The card's monitor
 * guards all of it, the memberships included, so stock, get_limit and member totals stay consistent under
 * concurrent calls; every method that reads or changes state is synchronized.
 */
final class Card {
    static final String NOT_VERIFY = "CARD_STATUS_NOT_VERIFY";
    static final String VERIFY_FAIL = "CARD_STATUS_VERIFY_FAIL";
    static final String VERIFY_OK = "CARD_STATUS_VERIFY_OK";
    static final String DELETE = "CARD_STATUS_DELETE";
    static final String DISPATCH = "CARD_STATUS_DISPATCH";

    final String id;
    final String appId;
    final long sequence;
    final long createTime;
    private ObjectNode memberCard;
    private CardOptions options;
    private String status = NOT_VERIFY;
    private long quantity;
    private long totalQuantity;
    private long updateTime;
    private int reviewRound;
    private ObjectNode activateForm;
    private final Map<String, Membership> members = new LinkedHashMap<>();

    Card(String id, String appId, long sequence, long now, ObjectNode memberCard, long quantity) {
        this.id = id;
        this.appId = appId;
        this.sequence = sequence;
        this.createTime = now;
        this.updateTime = now;
        this.memberCard = memberCard;
        this.quantity = quantity;
        this.totalQuantity = quantity;
        CardUpdate.stripPlatformFields(memberCard);
        this.options = CardOptions.of(memberCard);
    }

    /** A card read back from the state file. */
    Card(CardStateFile.Saved saved) {
        this.id = saved.id();
        this.appId = saved.appId();
        this.sequence = saved.sequence();
        this.createTime = saved.createTime();
        this.memberCard = saved.memberCard();
        this.updateTime = saved.updateTime();
        this.status = saved.status();
        this.quantity = saved.quantity();
        this.totalQuantity = saved.totalQuantity();
        this.reviewRound = saved.reviewRound();
        this.activateForm = saved.activateForm();
        this.options = CardOptions.of(memberCard);
        saved.members().forEach(member -> members.put(member.code, member));
    }

    synchronized String status() {
        return status;
    }

    /** The card as {@code /card/get} shows it, with the platform's fields in base_info. */
    synchronized ObjectNode toJson() {
        ObjectNode card = Json.object().put("card_type", "MEMBER_CARD");
        ObjectNode definition = memberCard.deepCopy();
        ObjectNode baseInfo = (ObjectNode) definition.get("base_info");
        baseInfo.put("id", id).put("status", status);
        baseInfo.putObject("sku").put("quantity", quantity).put("total_quantity", totalQuantity);
        baseInfo.put("create_time", createTime).put("update_time", updateTime);
        card.set("member_card", definition);
        return card;
    }

    /** A short summary for the control API. */
    synchronized ObjectNode summary() {
        ObjectNode out = Json.object().put("card_id", id).put("appid", appId).put("status", status)
                .put("quantity", quantity).put("total_quantity", totalQuantity).put("members", members.size())
                .put("create_time", createTime).put("update_time", updateTime);
        out.set("member_card", memberCard.deepCopy()); // what card/get shows, for tests that check an update
        return out;
    }

    // ---- the definition ------------------------------------------------------------------------------------------

    /**
     * Applies {@code /card/update}: merges the given member_card fields, checks the result as on create, and sends
     * the card back to review when a field needing review changed. Answers {@code send_check}.
     */
    synchronized boolean update(ObjectNode changes, long now) {
        requireNotDeleted("update");
        CardUpdate.Merged merged = CardUpdate.merge(memberCard, changes);
        memberCard = merged.memberCard();
        options = CardOptions.of(memberCard);
        updateTime = now;
        if (merged.needsReview()) {
            status = NOT_VERIFY;
            reviewRound++;
        }
        return merged.needsReview();
    }

    synchronized void delete(long now) {
        requireNotDeleted("delete");
        status = DELETE;
        updateTime = now;
    }

    synchronized void modifyStock(long increase, long reduce, long now) {
        requireNotDeleted("modify the stock of");
        long next = quantity + increase - reduce;
        if (next < 0) {
            throw new WxException(40122, "invalid quantity: cannot reduce the stock by " + reduce
                    + ", only " + quantity + " left");
        }
        if (next > CardRules.MAX_QUANTITY) {
            throw new WxException(40122, "invalid quantity: stock cannot exceed " + CardRules.MAX_QUANTITY);
        }
        quantity = next;
        totalQuantity = Math.max(0, totalQuantity + increase - reduce);
        updateTime = now;
    }

    synchronized void setActivateForm(ObjectNode form) {
        requireNotDeleted("set the activation form of");
        activateForm = form.deepCopy();
    }

    synchronized ObjectNode activateForm() {
        return activateForm == null ? null : activateForm.deepCopy();
    }

    // ---- review --------------------------------------------------------------------------------------------------

    /** The review round now open; an automatic decision for an older round is stale and ignored. */
    synchronized int reviewRound() {
        return reviewRound;
    }

    /**
     * Decides the review. {@code round} null is a manual decision (40078 unless the card is under review); a round
     * number is the automatic approval, applied only if that round is still open.
     */
    synchronized boolean decideReview(boolean pass, Integer round, long now) {
        if (!NOT_VERIFY.equals(status) || (round != null && round != reviewRound)) {
            if (round == null) {
                throw WxException.cardStatus("the card is " + status + ", not under review");
            }
            return false;
        }
        status = pass ? VERIFY_OK : VERIFY_FAIL;
        updateTime = now;
        return true;
    }

    // ---- members ---------------------------------------------------------------------------------------------------

    /** What the current definition offers members (bonus, balance, activation, custom codes, get_limit). */
    synchronized CardOptions options() {
        return options;
    }

    /**
     * Refuses issuing to (or activating for) a member when the card is deleted, or not approved and the member is
     * not a whitelisted tester: 40078.
     */
    synchronized void requireIssuable(boolean whitelisted) {
        if (DELETE.equals(status)) {
            throw WxException.cardStatus("the card is deleted");
        }
        if ((NOT_VERIFY.equals(status) || VERIFY_FAIL.equals(status)) && !whitelisted) {
            throw WxException.cardStatus("the card is " + status
                    + "; before approval only whitelisted testers (/card/testwhitelist/set) can hold it");
        }
    }

    /**
     * A member receives the card: stock (45031) and get_limit (45033) are checked and taken in one step. The first
     * delivery of an approved card turns it into CARD_STATUS_DISPATCH.
     */
    synchronized Membership receive(Membership member, boolean whitelisted, boolean takesStock) {
        requireIssuable(whitelisted);
        if (members.containsKey(member.code)) {
            throw WxException.invalidArgs("code " + member.code + " already exists on this card");
        }
        if (takesStock) {
            if (quantity <= 0) {
                throw new WxException(45031, "stock is 0: the card has no quantity left");
            }
            long held = members.values().stream().filter(m -> m.openid.equals(member.openid)).count();
            long limit = options.getLimit();
            if (held >= limit) {
                throw new WxException(45033, "get limit exceeded: " + member.openid + " already received "
                        + held + " of at most " + limit);
            }
            quantity--;
        }
        members.put(member.code, member);
        if (VERIFY_OK.equals(status)) {
            status = DISPATCH;
        }
        return member;
    }

    /**
     * The card a member already holds when they may not receive another (get_limit reached): WeChat opens that one
     * instead of offering a second. Null when they may receive one, or hold none they could open.
     */
    synchronized Membership heldInsteadOfNew(String openid) {
        List<Membership> held = members.values().stream().filter(m -> m.openid.equals(openid)).toList();
        if (held.size() < options.getLimit()) {
            return null;
        }
        return held.stream().filter(m -> Membership.NORMAL.equals(m.status) || Membership.CONSUMED.equals(m.status))
                .reduce((first, second) -> second).orElse(null);
    }

    /** The member holding this code, or 40056. Call only while holding this card's monitor. */
    Membership member(String code) {
        Membership member = members.get(code);
        if (member == null) {
            throw WxException.invalidCode(code);
        }
        return member;
    }

    /** {@code /card/code/update}: re-keys the member under the new code (see {@link CodeUse#changeCode}). */
    synchronized void changeCode(String code, String newCode) {
        if (!options.useCustomCode()) {
            throw WxException.cardStatus("only a card with use_custom_code can change its codes");
        }
        Membership member = member(code);
        member.requireUsable();
        if (members.containsKey(newCode)) {
            throw WxException.invalidArgs("new_code " + newCode + " already exists on this card");
        }
        members.remove(code);
        member.code = newCode;
        members.put(newCode, member);
    }

    synchronized boolean hasCode(String code) {
        return members.containsKey(code);
    }

    /** The openid's codes on this card that are still in the wallet (not deleted). */
    synchronized List<String> codesHeldBy(String openid) {
        List<String> codes = new ArrayList<>();
        members.values().forEach(m -> {
            if (m.openid.equals(openid) && !Membership.DELETE.equals(m.status)) {
                codes.add(m.code);
            }
        });
        return codes;
    }

    /** {@code begin_time} / {@code end_time} of a member's code, from the card's date_info. */
    synchronized long[] validity(Membership member) {
        return CardUpdate.validity(memberCard.get("base_info").get("date_info"), member.receivedAt);
    }

    private void requireNotDeleted(String action) {
        if (DELETE.equals(status)) {
            throw WxException.cardStatus("cannot " + action + " a deleted card");
        }
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    /** Everything about the card and its members, for the state file ({@link CardStateFile}). */
    synchronized CardStateFile.Saved saved() {
        return new CardStateFile.Saved(id, appId, sequence, createTime, memberCard.deepCopy(), updateTime, status,
                quantity, totalQuantity, reviewRound, activateForm == null ? null : activateForm.deepCopy(),
                List.copyOf(members.values()));
    }

    /** The members, for rebuilding the indexes after a restore. Call only while holding this card's monitor. */
    java.util.Collection<Membership> members() {
        return members.values();
    }
}
