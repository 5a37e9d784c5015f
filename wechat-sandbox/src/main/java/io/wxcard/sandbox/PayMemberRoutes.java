package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;

/**
 * The membercard-open routes beyond the import by openid: {@code POST .../cards/{card_id}/phone-membercard/import},
 * {@code POST} and {@code GET /v3/marketing/membercard-open/callback}; and the control routes that play the member
 * taking a card through WeChat Pay, which sends the {@code MEMBERCARD.*} notifications.
 */
final class PayMemberRoutes {
    static final String PHONE_IMPORT_PATH = "/v3/marketing/membercard-open/cards/{card_id}/phone-membercard/import";
    static final String CALLBACK_PATH = "/v3/marketing/membercard-open/callback";

    private final PayRoutes pay;
    private final PayMembers members;
    private final PayImport payImport;
    private final StateChanges changes;

    PayMemberRoutes(PayRoutes pay, PayMembers members, PayImport payImport, StateChanges changes) {
        this.pay = pay;
        this.members = members;
        this.payImport = payImport;
        this.changes = changes;
    }

    void register(Javalin app, ControlRoutes control) {
        app.post(PHONE_IMPORT_PATH, ctx -> pay.serve(ctx, PHONE_IMPORT_PATH, (c, merchant) -> {
            ObjectNode request = PayRoutes.payBody(c);
            String outRequestNo = PayRoutes.payText(request, "out_request_no");
            if (outRequestNo == null || outRequestNo.isBlank()) {
                throw PayException.param("out_request_no", "is required");
            }
            String code = members.importByPhone(merchant, c.pathParam("card_id"), c.header("Wechatpay-Serial"),
                    PayRoutes.payText(request, "encrypted_phone_number"), PayRoutes.payText(request, "code"),
                    outRequestNo, payImport);
            changes.changed();
            return Json.object().put("code", code);
        }));
        app.post(CALLBACK_PATH, ctx -> pay.serve(ctx, CALLBACK_PATH, (c, merchant) ->
                members.setCallback(merchant, PayRoutes.payText(PayRoutes.payBody(c), "url"))));
        app.get(CALLBACK_PATH, ctx -> pay.serve(ctx, CALLBACK_PATH, (c, merchant) -> members.callback(merchant)));

        control.post(app, "/sandbox/cards/{card_id}/phone-members/claim", (ctx, body) -> Json.object().put("code",
                members.claimByPhone(ctx.pathParam("card_id"), Json.requiredText(body, "phone"),
                        Json.requiredText(body, "openid"))));
        control.post(app, "/sandbox/cards/{card_id}/pay-activations", (ctx, body) -> Json.object().put("code",
                members.activateThroughPay(ctx.pathParam("card_id"), Json.requiredText(body, "openid"),
                        Json.text(body, "outer_str"))));
        control.post(app, "/sandbox/phones/{phone}/without-payment", (ctx, body) -> {
            members.markPhoneWithoutPayment(ctx.pathParam("phone"));
            return null;
        });
    }
}
