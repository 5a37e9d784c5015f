package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WeChat Pay's calls on one member's card (membercard-open): read it, update it (number, level, background, balance),
 * its points ({@code rights}), the jump-type activation, {@code decrypt-code} and {@code activate-informations}. They
 * work on the same members as the Official Account calls ({@link Members}, {@link MemberCards}): one membership,
 * whichever API touched it. Every call needs the merchant's own card, upgraded (section 15 of FIDELITY.md).
 */
final class PayCodes {
    /** Sandbox decision: WeChat Pay documents no answer for a code the card does not have. */
    static final String UNKNOWN_CODE = "会员卡code无效";

    private final Cards cards;
    private final Members members;
    private final PayImport upgrades;

    PayCodes(Cards cards, Members members, PayImport upgrades) {
        this.cards = cards;
        this.members = members;
        this.upgrades = upgrades;
    }

    /** {@code GET .../cards/{card_id}/codes/{code}}. */
    ObjectNode get(Apps.Registered merchant, String cardId, String code) {
        Card card = card(merchant, cardId);
        synchronized (card) {
            Membership member = member(card, code);
            ObjectNode out = Json.object().put("card_id", card.id).put("code", member.code)
                    .put("openid", member.openid).put("membership_number", member.membershipNumber == null
                            ? member.code : member.membershipNumber)
                    .put("nickname", member.nickname).put("balance", member.balance).put("bonus_value", member.bonus)
                    .put("user_card_status", status(member));
            if (member.level != null) {
                out.put("level", member.level);
            }
            if (member.backgroundPicUrl != null) {
                out.put("background_picture_url", member.backgroundPicUrl);
            }
            out.set("user_information", payFields(member.userInfoOrEmpty()));
            return out;
        }
    }

    /**
     * {@code PATCH .../codes/{code}}: {@code out_request_no} required; {@code balance_information} carries
     * {@code before_balance}, {@code balance} and {@code add_balance}, all required, and must agree with each other
     * and with the balance held (sandbox decision: INVALID_REQUEST otherwise, so a stale update never lands).
     */
    void update(Apps.Registered merchant, String cardId, String code, ObjectNode body) {
        String outRequestNo = required(body, "out_request_no");
        String level = PayRoutes.payText(body, "level");
        if (level != null && level.length() > 5) {
            throw PayException.param("level", "is longer than 5 characters");
        }
        JsonNode balance = body.get("balance_information");
        Card card = card(merchant, cardId);
        synchronized (card) {
            Membership member = member(card, code);
            String fingerprint = "update|" + cardId + "|" + code + "|" + body;
            if (repeated(merchant, outRequestNo, fingerprint)) {
                return;
            }
            if (balance != null) {
                long after = change(balance, "before_balance", "balance", "add_balance", member.balance, "balance");
                if (!card.options().supplyBalance()) {
                    throw new PayException(400, "INVALID_REQUEST", "the card offers no stored value");
                }
                requireActive(member);
                record(member, 0, after - member.balance, PayRoutes.payText((ObjectNode) balance, "balance_remark"));
                member.balance = after;
            }
            String number = PayRoutes.payText(body, "membership_number");
            if (number != null) {
                member.membershipNumber = number;
            }
            if (level != null) {
                member.level = level;
            }
            String picture = PayRoutes.payText(body, "background_picture_url");
            if (picture != null) {
                member.backgroundPicUrl = picture;
            }
            remember(merchant, outRequestNo, fingerprint);
        }
    }

    /** {@code PATCH .../codes/{code}/rights}: the points, with the same checks as the balance. */
    void rights(Apps.Registered merchant, String cardId, String code, ObjectNode body) {
        String outRequestNo = required(body, "out_request_no");
        Card card = card(merchant, cardId);
        synchronized (card) {
            Membership member = member(card, code);
            String fingerprint = "rights|" + cardId + "|" + code + "|" + body;
            if (repeated(merchant, outRequestNo, fingerprint)) {
                return;
            }
            if (body.has("bonus_value") || body.has("before_bonus_value") || body.has("add_bonus_value")) {
                long after = change(body, "before_bonus_value", "bonus_value", "add_bonus_value", member.bonus,
                        "bonus");
                if (!card.options().supplyBonus()) {
                    throw new PayException(400, "INVALID_REQUEST", "the card offers no points");
                }
                requireActive(member);
                record(member, after - member.bonus, 0, null);
                member.bonus = after;
            }
            remember(merchant, outRequestNo, fingerprint);
        }
    }

    /** {@code POST .../codes/{code}/activate {membership_number?}}: the same again is harmless. */
    void activate(Apps.Registered merchant, String cardId, String code, String membershipNumber) {
        Card card = card(merchant, cardId);
        synchronized (card) {
            Membership member = member(card, code);
            if (!Membership.NORMAL.equals(member.status)) {
                throw new PayException(400, "INVALID_REQUEST", "the member's card is " + status(member));
            }
            if (member.active) {
                if (membershipNumber == null || membershipNumber.equals(member.membershipNumber)) {
                    return;
                }
                throw new PayException(400, "INVALID_REQUEST", "the card is already activated with membership_number "
                        + member.membershipNumber);
            }
            member.activate(membershipNumber == null ? member.code : membershipNumber, cards.now());
        }
    }

    /** {@code GET .../cards/{card_id}/decrypt-code?encrypt_code=}: the code, for this card only. */
    String decrypt(Apps.Registered merchant, String cardId, String encryptCode) {
        if (encryptCode == null || encryptCode.isBlank()) {
            throw PayException.param("encrypt_code", "is required");
        }
        Card card = card(merchant, cardId);
        try {
            String code = members.decrypt(merchant.appId(), encryptCode);
            synchronized (card) {
                member(card, code);
            }
            return code;
        } catch (WxException e) {
            throw new PayException(400, "INVALID_REQUEST", "encrypt_code无效");
        }
    }

    /** {@code GET .../activate-informations/{activate_ticket}}: nickname and the form answers, {@code USER_FORM_FLAG_*}. */
    ObjectNode activateInformation(Apps.Registered merchant, String ticket) {
        ObjectNode info;
        try {
            info = members.activationAnswers(merchant.appId(), ticket);
        } catch (WxException e) {
            throw new PayException(400, "INVALID_REQUEST", "activate_ticket无效或已过期");
        }
        ObjectNode out = Json.object();
        out.set("user_information", payFields(info));
        return out;
    }

    private Card card(Apps.Registered merchant, String cardId) {
        return upgrades.upgradedCard(merchant, cardId);
    }

    private static Membership member(Card card, String code) {
        try {
            return card.member(code);
        } catch (WxException e) {
            throw new PayException(400, "INVALID_REQUEST", UNKNOWN_CODE);
        }
    }

    private static void requireActive(Membership member) {
        if (!member.active || !Membership.NORMAL.equals(member.status)) {
            throw new PayException(400, "INVALID_REQUEST", "the member's card is " + status(member));
        }
    }

    /** WeChat Pay's statuses: NOT_ACTIVATE, EFFECTIVE, EXPIRE, UNAVAILABLE, DELETE. */
    static String status(Membership member) {
        return switch (member.status) {
            case Membership.NORMAL -> member.active ? "EFFECTIVE" : "NOT_ACTIVATE";
            case Membership.DELETE -> "DELETE";
            default -> "UNAVAILABLE";
        };
    }

    /** {@code before} must be the total held, {@code after = before + add}, never negative; answers {@code after}. */
    private static long change(JsonNode body, String beforeField, String afterField, String addField, long held,
                               String what) {
        for (String field : new String[] {beforeField, afterField, addField}) {
            if (!body.path(field).isIntegralNumber()) {
                throw PayException.param(field, "is required, an integer");
            }
        }
        long before = body.get(beforeField).asLong();
        long after = body.get(afterField).asLong();
        if (after < 0 || before + body.get(addField).asLong() != after) {
            throw PayException.param(afterField, "must be " + beforeField + " + " + addField + ", not negative");
        }
        if (before != held) {
            throw new PayException(400, "INVALID_REQUEST", beforeField + " " + before + " is not the member's " + what
                    + " " + held);
        }
        return after;
    }

    /** Whether this out_request_no already did exactly this (a refused update was not done, so it may come again). */
    private boolean repeated(Apps.Registered merchant, String outRequestNo, String fingerprint) {
        String previous = upgrades.updateRequest(merchant, outRequestNo);
        if (previous == null) {
            return false;
        }
        if (previous.equals(fingerprint)) {
            return true;
        }
        throw new PayException(400, "INVALID_REQUEST", "out_request_no " + outRequestNo
                + " was already used with other parameters");
    }

    private void remember(Apps.Registered merchant, String outRequestNo, String fingerprint) {
        upgrades.rememberUpdateRequest(merchant, outRequestNo, fingerprint);
    }

    private void record(Membership member, long bonusDelta, long balanceDelta, String remark) {
        member.changes.addObject().put("time", cards.now()).put("source", "wechatpay")
                .put("bonus_delta", bonusDelta).put("balance_delta", balanceDelta).put("record_balance", remark)
                .put("result_bonus", member.bonus + bonusDelta).put("result_balance", member.balance + balanceDelta);
    }

    private static String required(ObjectNode body, String field) {
        String value = PayRoutes.payText(body, field);
        if (value == null || value.isBlank()) {
            throw PayException.param(field, "is required");
        }
        return value;
    }

    /** The form answers as WeChat Pay names them: {@code USER_FORM_FLAG_*} where the OA says {@code USER_FORM_INFO_FLAG_*}. */
    private static ObjectNode payFields(ObjectNode userInfo) {
        ObjectNode out = Json.object();
        ArrayNode common = out.putArray("common_field_list");
        for (JsonNode field : userInfo.path("common_field_list")) {
            common.addObject().put("name", field.path("name").asText().replace("USER_FORM_INFO_FLAG_", "USER_FORM_FLAG_"))
                    .put("value", field.path("value").asText());
        }
        ArrayNode custom = out.putArray("custom_field_list");
        for (JsonNode field : userInfo.path("custom_field_list")) {
            custom.add(field.deepCopy());
        }
        return out;
    }
}
