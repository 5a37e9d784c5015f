package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.activation.SessionActivation;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ActivationSessionStore} must do. */
public abstract class ActivationSessionStoreContract {

    protected abstract ActivationSessionStore sessions();

    private ActivationSessionStore sessions;

    @BeforeEach
    void setUpStore() {
        sessions = sessions();
    }

    private static ActivationSession session(TenantId tenant, Option<String> ticket, Map<String, String> answers) {
        return ActivationSession.open(new ActivationSessionId("act_" + UUID.randomUUID().toString().replace("-", "")),
                new MembershipKey(tenant, new CardId("card_1"), new Code("0123456789")), new OpenId("oAlice"),
                ticket, answers, Fixtures.T0);
    }

    @Test
    void keeps_every_field_of_a_session_and_shows_it_only_to_its_tenant() {
        TenantId tenant = Fixtures.uniqueTenantId();
        ActivationSession session = session(tenant, Option.of("ticket-1"), Map.of("USER_FORM_INFO_FLAG_MOBILE",
                "13800138000", "会员等级", "金卡"));
        sessions.add(session);

        assertThat(sessions.find(tenant, session.id())).contains(session);
        assertThat(sessions.find(Fixtures.uniqueTenantId(), session.id())).isEmpty();
        ActivationSession bare = session(tenant, Option.none(), Map.of());
        sessions.add(bare);
        assertThat(sessions.find(tenant, bare.id())).contains(bare);
    }

    @Test
    void refuses_a_second_session_with_the_same_id() {
        ActivationSession session = session(Fixtures.uniqueTenantId(), Option.none(), Map.of());
        sessions.add(session);

        assertThatThrownBy(() -> sessions.add(session)).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void records_an_activation_once_and_keeps_the_first() {
        TenantId tenant = Fixtures.uniqueTenantId();
        ActivationSession session = session(tenant, Option.none(), Map.of());
        sessions.add(session);
        ActivationSession first = session.activatedWith(new SessionActivation(new MembershipNumber("M-1"),
                Option.of(Points.of(10)), Option.none(), Fixtures.T0.plus(Duration.ofMinutes(1))));
        ActivationSession second = session.activatedWith(new SessionActivation(new MembershipNumber("M-2"),
                Option.none(), Option.of(Fen.of(300)), Fixtures.T0.plus(Duration.ofMinutes(2))));

        assertThat(sessions.recordActivation(first)).isTrue();
        assertThat(sessions.recordActivation(second)).isFalse();
        assertThat(sessions.find(tenant, session.id())).contains(first);
        assertThat(sessions.recordActivation(session(tenant, Option.none(), Map.of())))
                .as("a session never stored").isFalse();
    }
}
