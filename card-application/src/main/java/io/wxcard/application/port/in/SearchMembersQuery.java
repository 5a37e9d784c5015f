package io.wxcard.application.port.in;

import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Finds a tenant's memberships by what a member shows at the till: the code on the card, or their openid. */
public interface SearchMembersQuery {

    /** Memberships of any of the tenant's cards whose code or openid is exactly the term; empty for a blank term. */
    List<Membership> search(TenantId tenantId, String term);
}
