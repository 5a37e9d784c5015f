package io.wxcard.application.service;

import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import java.util.Objects;

/**
 * How members join, wired (issue 20): the merchant's activation page. Kept apart from {@link CardServices} like
 * {@link OperatorServices}, so that an embedding that needs no activation page needs none of its ports; it uses the
 * activation and member look-ups of the {@link CardServices} it is given.
 */
public final class JoiningServices {

    public record Dependencies(CardServices app, ActivationSessionStore sessions, TenantStore tenants,
                               CardStore cards, MembershipStore memberships, WechatMemberCards wechatMembers,
                               Clock clock, IdGenerator ids) {
        public Dependencies {
            Objects.requireNonNull(app, "card services");
            Objects.requireNonNull(sessions, "activation sessions");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(wechatMembers, "WeChat members");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
        }
    }

    private final ActivationPageService activationPages;

    public JoiningServices(Dependencies d) {
        Lookups lookups = new Lookups(new RecentTenants(d.tenants()), new RecentCards(d.cards()), d.memberships());
        this.activationPages = new ActivationPageService(d.sessions(), lookups, new ActivationPageWechat(
                d.wechatMembers(), d.app().wechatPayMemberCards, lookups), d.app().activateMembership(), d.app().findMembers(), d.clock(), d.ids());
    }

    public ActivationPageUseCase activationPages() {
        return activationPages;
    }
}
