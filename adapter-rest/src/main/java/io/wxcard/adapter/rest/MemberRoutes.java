package io.wxcard.adapter.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.Operation;
import io.wxcard.adapter.rest.MemberResources.FoundMemberResource;
import io.wxcard.adapter.rest.MemberResources.ProfileResource;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/**
 * Members as the merchant's other systems know them: {@code GET /v1/members?phone=...} (or membership_number, openid,
 * unionid) across all of the tenant's cards, and a member's profile in full.
 */
final class MemberRoutes {

    private static final String TAG = "members";
    private static final Map<String, Function<String, MemberLookup>> FILTERS = Map.of(
            "phone", raw -> new MemberLookup.ByPhone(Phone.parse(raw).getOrElseThrow(rejection ->
                    Params.invalidParameter("phone", rejection.reason().replaceFirst("^the phone number ", "")))),
            "membership_number", raw -> new MemberLookup.ByMembershipNumber(new MembershipNumber(raw)),
            "openid", raw -> new MemberLookup.ByOpenId(new OpenId(raw)),
            "unionid", raw -> new MemberLookup.ByUnionId(raw));

    private final FindMembersQuery members;

    MemberRoutes(FindMembersQuery members) {
        this.members = members;
    }

    void register(Javalin app, ApiDocs docs) {
        app.get("/v1/members", this::find, Access.API_KEY);
        Operation find = docs.operation(GET, "/v1/members", "findMembers",
                "Find a member's memberships on all the tenant's cards, by phone, membership number, openid or unionid",
                TAG)
                .description("Exactly one filter. A phone matches however it was written (+86 138 0013 8000 and "
                        + "13800138000 are one number). At most " + FindMembersQuery.MAX_MATCHES + " memberships, "
                        + "oldest first; phones masked.");
        FILTERS.keySet().stream().sorted().forEach(name -> find.addParametersItem(ApiDocs.query(name,
                "Find by " + name.replace('_', ' ') + ".")));
        find.getResponses().addApiResponse("200", docs.answer(FoundMembers.class));
        app.get("/v1/cards/{id}/memberships/{code}/profile", this::profile, Access.API_KEY);
        docs.operation(GET, "/v1/cards/{id}/memberships/{code}/profile", "getMemberProfile",
                        "Read what WeChat told of the member (form answers, phone, nickname): personal data", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(ProfileResource.class));
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "The memberships that matched.")
    record FoundMembers(List<FoundMemberResource> items) {}

    private void find(Context ctx) {
        Params.checkQuery(ctx, FILTERS.keySet());
        Set<String> given = ctx.queryParamMap().keySet();
        if (given.size() != 1) {
            throw Params.invalidParameter("query", "must name exactly one of " + FILTERS.keySet().stream().sorted()
                    .toList() + (given.isEmpty() ? "" : "; got " + given.stream().sorted().toList()));
        }
        String name = given.iterator().next();
        String raw = ctx.queryParam(name);
        MemberLookup lookup;
        try {
            lookup = FILTERS.get(name).apply(raw == null ? "" : raw);
        } catch (IllegalArgumentException invalid) {
            throw Params.invalidParameter(name, "is not valid: " + invalid.getMessage());
        }
        var found = Problems.orAnswer(members.find(Access.tenant(ctx), lookup));
        ctx.status(200).json(new FoundMembers(found.stream().map(MemberResources::found).toList()));
    }

    private void profile(Context ctx) {
        ctx.status(200).json(MemberResources.profile(Problems.orAnswer(members.profile(Params.membershipKey(ctx)))));
    }
}
