package io.wxcard.application.service;

import io.wxcard.application.port.in.SearchMembersQuery;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks a term up as a code and as an openid on each of the tenant's cards (a tenant has a handful of cards, and each
 * look-up is one indexed read).
 */
final class MemberSearchService implements SearchMembersQuery {

    private static final int MAX_CARDS = PageRequest.MAX_LIMIT;

    private final CardStore cards;
    private final MembershipStore memberships;

    MemberSearchService(CardStore cards, MembershipStore memberships) {
        this.cards = cards;
        this.memberships = memberships;
    }

    @Override
    public List<Membership> search(TenantId tenantId, String term) {
        String wanted = term == null ? "" : term.trim();
        if (wanted.isEmpty()) {
            return List.of();
        }
        Option<Code> code = Try.of(() -> new Code(wanted)).toOption();
        Option<OpenId> openId = Try.of(() -> new OpenId(wanted)).toOption();
        List<Membership> found = new ArrayList<>();
        for (Card card : cards.list(tenantId, Option.none(), PageRequest.first(MAX_CARDS)).items()) {
            code.flatMap(c -> memberships.find(new MembershipKey(tenantId, card.id(), c))).forEach(found::add);
            openId.flatMap(o -> memberships.findByOpenId(tenantId, card.id(), o))
                    .filter(m -> !found.contains(m)).forEach(found::add);
        }
        return List.copyOf(found);
    }
}
