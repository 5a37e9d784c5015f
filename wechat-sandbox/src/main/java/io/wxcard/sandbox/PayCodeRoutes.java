package io.wxcard.sandbox;

import io.javalin.Javalin;

/**
 * WeChat Pay's routes on one member's card ({@link PayCodes}): {@code GET} and {@code PATCH
 * /v3/marketing/membercard-open/cards/{card_id}/codes/{code}}, {@code PATCH .../codes/{code}/rights},
 * {@code POST .../codes/{code}/activate}, {@code GET .../cards/{card_id}/decrypt-code} and
 * {@code GET /v3/marketing/membercard-open/activate-informations/{activate_ticket}}.
 */
final class PayCodeRoutes {
    static final String CODE_PATH = "/v3/marketing/membercard-open/cards/{card_id}/codes/{code}";
    static final String RIGHTS_PATH = CODE_PATH + "/rights";
    static final String ACTIVATE_PATH = CODE_PATH + "/activate";
    static final String DECRYPT_PATH = "/v3/marketing/membercard-open/cards/{card_id}/decrypt-code";
    static final String ACTIVATE_INFORMATION_PATH = "/v3/marketing/membercard-open/activate-informations/{activate_ticket}";

    private final PayRoutes pay;
    private final PayCodes codes;
    private final StateChanges changes;

    PayCodeRoutes(PayRoutes pay, PayCodes codes, StateChanges changes) {
        this.pay = pay;
        this.codes = codes;
        this.changes = changes;
    }

    void register(Javalin app) {
        app.get(CODE_PATH, ctx -> pay.serve(ctx, CODE_PATH, (c, merchant) ->
                codes.get(merchant, c.pathParam("card_id"), c.pathParam("code"))));
        app.patch(CODE_PATH, ctx -> pay.serve(ctx, CODE_PATH, (c, merchant) -> {
            codes.update(merchant, c.pathParam("card_id"), c.pathParam("code"), PayRoutes.payBody(c));
            changes.changed();
            return null;
        }));
        app.patch(RIGHTS_PATH, ctx -> pay.serve(ctx, RIGHTS_PATH, (c, merchant) -> {
            codes.rights(merchant, c.pathParam("card_id"), c.pathParam("code"), PayRoutes.payBody(c));
            changes.changed();
            return null;
        }));
        app.post(ACTIVATE_PATH, ctx -> pay.serve(ctx, ACTIVATE_PATH, (c, merchant) -> {
            String body = c.body();
            String number = body == null || body.isBlank() ? null
                    : PayRoutes.payText(PayRoutes.payBody(c), "membership_number");
            codes.activate(merchant, c.pathParam("card_id"), c.pathParam("code"), number);
            changes.changed();
            return null;
        }));
        app.get(DECRYPT_PATH, ctx -> pay.serve(ctx, DECRYPT_PATH, (c, merchant) -> Json.object().put("code",
                codes.decrypt(merchant, c.pathParam("card_id"), c.queryParam("encrypt_code")))));
        app.get(ACTIVATE_INFORMATION_PATH, ctx -> pay.serve(ctx, ACTIVATE_INFORMATION_PATH, (c, merchant) ->
                codes.activateInformation(merchant, c.pathParam("activate_ticket"))));
    }
}
