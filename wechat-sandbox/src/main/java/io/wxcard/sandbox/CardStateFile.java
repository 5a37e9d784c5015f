package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A {@link Card} and its members in the state file, and back. */
final class CardStateFile {

    /** Everything the state file keeps of a card. */
    record Saved(String id, String appId, long sequence, long createTime, ObjectNode memberCard, long updateTime,
                 String status, long quantity, long totalQuantity, int reviewRound, ObjectNode activateForm,
                 List<Membership> members) {
    }

    private CardStateFile() {
    }

    static ObjectNode snapshot(Card card) {
        Saved saved = card.saved();
        ObjectNode out = Json.object().put("card_id", saved.id()).put("appid", saved.appId())
                .put("sequence", saved.sequence()).put("create_time", saved.createTime())
                .put("update_time", saved.updateTime()).put("status", saved.status()).put("quantity", saved.quantity())
                .put("total_quantity", saved.totalQuantity()).put("review_round", saved.reviewRound());
        out.set("member_card", saved.memberCard());
        out.set("activate_form", saved.activateForm());
        var list = out.putArray("members");
        saved.members().forEach(member -> list.add(member.snapshot()));
        return out;
    }

    static Card restore(JsonNode in) {
        String id = StateJson.text(in, "card_id");
        try {
            ObjectNode memberCard = StateJson.object(in, "member_card");
            StateJson.object(memberCard, "base_info");
            ObjectNode form = StateJson.optionalObject(in, "activate_form");
            List<Membership> members = new ArrayList<>();
            for (JsonNode member : StateJson.array(in, "members")) {
                members.add(Membership.restore(id, member));
            }
            return new Card(new Saved(id, StateJson.text(in, "appid"), StateJson.number(in, "sequence"),
                    StateJson.number(in, "create_time"), memberCard.deepCopy(), StateJson.number(in, "update_time"),
                    StateJson.text(in, "status"), StateJson.number(in, "quantity"),
                    StateJson.number(in, "total_quantity"), (int) StateJson.number(in, "review_round"),
                    form == null ? null : form.deepCopy(), members));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("card " + id + ": " + e.getMessage(), e);
        }
    }
}
