package io.wxcard.sandbox;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * WeChat Pay's member-card activities ({@code /v3/marketing/membercard-activity/activities}, FIDELITY.md section 27;
 * the pay-to-join rules' OA routes are {@link PayGiftRuleRoutes}), and controls that play a change made on WeChat's own
 * platforms (a rule deleted, an activity terminated there), which the product only learns by reading.
 */
final class CampaignEndpoints {
    static final String ACTIVITIES_PATH = "/v3/marketing/membercard-activity/activities";
    static final String ACTIVITY_PATH = ACTIVITIES_PATH + "/{activity_id}";
    static final String TERMINATE_PATH = ACTIVITY_PATH + "/terminate";

    private final PayGiftRules rules;
    private final PayActivities activities;
    private final Cards cards;

    CampaignEndpoints(PayGiftRules rules, PayActivities activities, Cards cards) {
        this.rules = rules;
        this.activities = activities;
        this.cards = cards;
    }

    void register(PayRoutes pay, Javalin server, ControlRoutes control) {
        server.post(ACTIVITIES_PATH, ctx -> pay.serve(ctx, ACTIVITIES_PATH, (c, merchant) ->
                activities.create(merchant, PayRoutes.payBody(c))));
        server.get(ACTIVITIES_PATH, ctx -> pay.serve(ctx, ACTIVITIES_PATH, (c, merchant) ->
                activities.list(merchant, number(c, "offset", 0, Integer.MAX_VALUE), number(c, "limit", 1, 50),
                        c.queryParam("card_id"), c.queryParam("activity_type"), c.queryParam("activity_status"))));
        server.get(ACTIVITY_PATH, ctx -> pay.serve(ctx, ACTIVITY_PATH, (c, merchant) ->
                activities.get(merchant, c.pathParam("activity_id"))));
        server.post(TERMINATE_PATH, ctx -> pay.serve(ctx, TERMINATE_PATH, (c, merchant) ->
                activities.terminate(merchant, c.pathParam("activity_id"))));

        control.post(server, "/sandbox/paygift-rules/{rule_id}/deleted-on-wechat", (ctx, body) -> {
            rules.deleteAnywhere(Long.parseLong(ctx.pathParam("rule_id")));
            return null;
        });
        control.post(server, "/sandbox/membercard-activities/{activity_id}/terminated-on-wechat", (ctx, body) -> {
            activities.terminatedElsewhere(ctx.pathParam("activity_id"));
            return null;
        });
    }

    void clear() {
        rules.clear();
        activities.clear();
    }

    /** {@code offset} and {@code limit} are required; the page size limit is not documented (sandbox: 1 to 50). */
    private static int number(Context ctx, String name, int min, int max) {
        try {
            int value = Integer.parseInt(String.valueOf(ctx.queryParam(name)));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new PayException(400, "PARAM_ERROR", "invalid parameter " + name + ": must be a number from " + min
                + " to " + max);
    }
}
