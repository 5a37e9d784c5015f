package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One member's card: a code held by one openid, with points (bonus), stored value (balance, in fen), custom field
 * values and the answers to the activation form. Not thread-safe on its own: only touched while holding the monitor
 * of the {@link Card} it belongs to.
 */
final class Membership {
    static final String NORMAL = "NORMAL";
    static final String DELETE = "DELETE";
    static final String UNAVAILABLE = "UNAVAILABLE";
    /** Consumed at the till through {@code /card/code/consume}. */
    static final String CONSUMED = "CONSUMED";
    /** Sent to a friend, not yet accepted: every call on the code answers 40127. */
    static final String GIFTING = "GIFTING";
    /** A friend accepted it under a new code: this code answers "invalid serial code" (40056) from then on. */
    static final String GIFT_SUCC = "GIFT_SUCC";

    final String cardId;
    /** Changed only by {@code /card/code/update}, under the card's monitor ({@link Card#changeCode}). */
    String code;
    final String openid;
    final long receivedAt;
    final String outerStr;
    final long outerId;
    final String nickname;
    final String sex;
    final String encryptCode;

    String status = NORMAL;
    /** Where a restored card goes back to. */
    String statusBeforeDelete = NORMAL;
    boolean active;
    String membershipNumber;
    /** The member's level as WeChat Pay's {@code PATCH .../codes/{code}} set it (string(5)); not in the state file. */
    String level;
    long bonus;
    long balance;
    final String[] customFieldValues = new String[3];
    String backgroundPicUrl;
    Long activateBeginTime;
    Long activateEndTime;
    String unavailableReason;
    /** The member's form answers: {@code {common_field_list:[...], custom_field_list:[...]}}; null until submitted. */
    ObjectNode userInfo;
    /** Every applied bonus/balance change, as a merchant's ledger would see it. */
    final ArrayNode changes = Json.array();
    /**
     * The system messages WeChat showed the member for updateuser changes ({@code notify_optional}): what a member
     * would read in the card's message list.
     */
    final ArrayNode notices = Json.array();

    Membership(String cardId, String code, String openid, long receivedAt, String outerStr, long outerId,
               String nickname, String sex, String encryptCode) {
        this.cardId = cardId;
        this.code = code;
        this.openid = openid;
        this.receivedAt = receivedAt;
        this.outerStr = outerStr;
        this.outerId = outerId;
        this.nickname = nickname;
        this.sex = sex;
        this.encryptCode = encryptCode;
    }

    /** Refuses operations on a code the member deleted (40127) or that was made unavailable (40099). */
    void requireUsable() {
        if (GIFT_SUCC.equals(status)) {
            throw WxException.invalidCode(code);
        }
        if (GIFTING.equals(status)) {
            throw new WxException(40127, "the card (code " + code + ") is being given to a friend");
        }
        if (DELETE.equals(status)) {
            throw new WxException(40127, "the member has deleted this card (code " + code + ")");
        }
        if (UNAVAILABLE.equals(status) || CONSUMED.equals(status)) {
            throw new WxException(40099, "invalid code, this code has consumed (code " + code + " is " + status + ")");
        }
    }

    /** When the card was activated (epoch seconds), for the datacube statistics; null when not known (restored). */
    Long activatedAt;

    void activate(String number, long now) {
        active = true;
        membershipNumber = number;
        activatedAt = now;
    }

    /** The totals after an update, and how much they moved. */
    record Totals(long bonus, long balance, long bonusDelta, long balanceDelta) {
        boolean changed() {
            return bonusDelta != 0 || balanceDelta != 0;
        }
    }

    /**
     * Applies bonus/balance the way updateuser does: an absolute value sets the total (add_* then only annotates),
     * add_* alone adds. Nothing is applied when the result would be negative (40097).
     */
    Totals applyTotals(Long absoluteBonus, Long addBonus, Long absoluteBalance, Long addBalance) {
        long newBonus = absoluteBonus != null ? absoluteBonus : bonus + (addBonus == null ? 0 : addBonus);
        long newBalance = absoluteBalance != null ? absoluteBalance : balance + (addBalance == null ? 0 : addBalance);
        if (newBonus < 0) {
            throw WxException.invalidArgs("bonus would become " + newBonus + "; it cannot be negative");
        }
        if (newBalance < 0) {
            throw WxException.invalidArgs("balance would become " + newBalance + "; it cannot be negative");
        }
        Totals totals = new Totals(newBonus, newBalance, newBonus - bonus, newBalance - balance);
        bonus = newBonus;
        balance = newBalance;
        return totals;
    }

    ObjectNode userInfoOrEmpty() {
        if (userInfo != null) {
            return userInfo.deepCopy();
        }
        ObjectNode empty = Json.object();
        empty.putArray("common_field_list");
        empty.putArray("custom_field_list");
        return empty;
    }

    /** The member as the sandbox sees it, for {@code GET /sandbox/cards/{card_id}/codes/{code}}. */
    ObjectNode toState() {
        ObjectNode out = Json.object().put("card_id", cardId).put("code", code).put("openid", openid)
                .put("user_card_status", status).put("has_active", active).put("membership_number", membershipNumber)
                .put("bonus", bonus).put("balance", balance).put("outer_str", outerStr).put("outer_id", outerId)
                .put("received_at", receivedAt).put("encrypt_code", encryptCode)
                .put("background_pic_url", backgroundPicUrl).put("unavailable_reason", unavailableReason)
                .put("activate_begin_time", activateBeginTime).put("activate_end_time", activateEndTime);
        for (int i = 0; i < 3; i++) {
            out.put("custom_field_value" + (i + 1), customFieldValues[i]);
        }
        out.set("user_info", userInfoOrEmpty());
        out.set("changes", changes.deepCopy());
        out.set("notices", notices.deepCopy());
        return out;
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    /** Everything about the member, for the state file (the card_id is the card's). */
    ObjectNode snapshot() {
        ObjectNode out = Json.object().put("code", code).put("openid", openid).put("received_at", receivedAt)
                .put("outer_str", outerStr).put("outer_id", outerId).put("nickname", nickname).put("sex", sex)
                .put("encrypt_code", encryptCode).put("status", status)
                .put("status_before_delete", statusBeforeDelete).put("active", active)
                .put("membership_number", membershipNumber).put("bonus", bonus).put("balance", balance)
                .put("background_pic_url", backgroundPicUrl).put("activate_begin_time", activateBeginTime)
                .put("activate_end_time", activateEndTime).put("unavailable_reason", unavailableReason);
        ArrayNode custom = out.putArray("custom_field_values");
        for (String value : customFieldValues) {
            custom.add(value);
        }
        out.set("user_info", userInfo == null ? null : userInfo.deepCopy());
        out.set("changes", changes.deepCopy());
        out.set("notices", notices.deepCopy());
        return out;
    }

    static Membership restore(String cardId, JsonNode in) {
        Membership member = new Membership(cardId, StateJson.text(in, "code"), StateJson.text(in, "openid"),
                StateJson.number(in, "received_at"), StateJson.optionalText(in, "outer_str"),
                StateJson.number(in, "outer_id"), StateJson.optionalText(in, "nickname"),
                StateJson.optionalText(in, "sex"), StateJson.text(in, "encrypt_code"));
        member.status = StateJson.text(in, "status");
        member.statusBeforeDelete = StateJson.text(in, "status_before_delete");
        member.active = StateJson.bool(in, "active");
        member.membershipNumber = StateJson.optionalText(in, "membership_number");
        member.bonus = StateJson.number(in, "bonus");
        member.balance = StateJson.number(in, "balance");
        member.backgroundPicUrl = StateJson.optionalText(in, "background_pic_url");
        member.activateBeginTime = StateJson.optionalNumber(in, "activate_begin_time");
        member.activateEndTime = StateJson.optionalNumber(in, "activate_end_time");
        member.unavailableReason = StateJson.optionalText(in, "unavailable_reason");
        ArrayNode custom = StateJson.array(in, "custom_field_values");
        for (int i = 0; i < Math.min(3, custom.size()); i++) {
            member.customFieldValues[i] = custom.get(i).isNull() ? null : custom.get(i).asText();
        }
        member.userInfo = StateJson.optionalObject(in, "user_info");
        member.changes.addAll(StateJson.array(in, "changes"));
        if (in.path("notices").isArray()) { // state files written before issue 17 have none
            member.notices.addAll((ArrayNode) in.get("notices"));
        }
        return member;
    }
}
