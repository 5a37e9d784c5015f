package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.tenant.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookStore} must do. */
public abstract class WebhookStoreContract {

    protected abstract StoreSet stores();

    private static final Duration LEASE = Duration.ofMinutes(2);

    private WebhookStore webhooks;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private Webhook hook;

    @BeforeEach
    void setUpStore() {
        webhooks = stores().webhooks();
        stores().tenants().save(Fixtures.tenant(tenant));
        hook = new Webhook("wh_" + UUID.randomUUID(), tenant, URI.create("https://erp.example.com/hooks/wxcard"),
                EnumSet.of(EventType.POINTS_CHANGED, EventType.MEMBERSHIP_ACTIVATED), "whsec_0123456789abcdef", T0);
        webhooks.save(hook);
    }

    @Test
    void keeps_a_webhook_exactly_and_lists_it_only_for_its_tenant() {
        assertThat(webhooks.list(tenant)).containsExactly(hook);
        assertThat(webhooks.all()).contains(hook);
        assertThat(webhooks.list(Fixtures.uniqueTenantId())).isEmpty();
        assertThat(webhooks.delete(Fixtures.uniqueTenantId(), hook.id())).isFalse();
        assertThat(webhooks.delete(tenant, hook.id())).isTrue();
        assertThat(webhooks.list(tenant)).isEmpty();
    }

    @Test
    void owes_an_event_once_and_hands_out_one_memberships_events_one_at_a_time_in_order() {
        MerchantEvent first = placed("membership/c/1");
        MerchantEvent second = placed("membership/c/1");
        MerchantEvent otherMember = placed("membership/c/2");
        webhooks.owe(hook, List.of(first, second), T0);
        webhooks.owe(hook, List.of(first), T0); // owed already: left as it is
        webhooks.owe(hook, List.of(otherMember), T0);

        List<WebhookDelivery> claimed = webhooks.claim("a", 10, T0, LEASE);

        assertThat(claimed).extracting(d -> d.event().id()).containsExactly(first.id(), otherMember.id());
        assertThat(claimed.get(0).event().json()).isEqualTo(first.json());
        assertThat(claimed.get(0).webhook()).isEqualTo(hook);
        assertThat(webhooks.claim("b", 10, T0, LEASE)).isEmpty();

        assertThat(webhooks.delivered(hook.id(), first.id(), "a", T0)).isTrue();
        assertThat(webhooks.claim("b", 10, T0, LEASE)).extracting(d -> d.event().id()).containsExactly(second.id());
    }

    @Test
    void a_failed_delivery_waits_its_back_off_and_holds_back_the_members_later_events() {
        MerchantEvent first = placed("membership/c/1");
        MerchantEvent second = placed("membership/c/1");
        webhooks.owe(hook, List.of(first), T0);
        webhooks.owe(hook, List.of(second), T0);
        webhooks.claim("a", 10, T0, LEASE);

        assertThat(webhooks.retryLater(hook.id(), first.id(), "a", T0.plusSeconds(30), "HTTP 503")).isTrue();

        assertThat(webhooks.claim("a", 10, T0.plusSeconds(10), LEASE)).isEmpty();
        List<WebhookDelivery> again = webhooks.claim("a", 10, T0.plusSeconds(31), LEASE);
        assertThat(again).extracting(d -> d.event().id()).containsExactly(first.id());
        assertThat(again.get(0).attempts()).isEqualTo(1);
        assertThat(again.get(0).lastError()).contains("HTTP 503");
    }

    @Test
    void a_claim_whose_lease_ran_out_goes_to_another_claimer_and_the_first_settles_nothing() {
        MerchantEvent event = placed("membership/c/1");
        webhooks.owe(hook, List.of(event), T0);
        webhooks.claim("a", 10, T0, LEASE);

        assertThat(webhooks.claim("b", 10, T0.plus(LEASE).plusSeconds(1), LEASE)).hasSize(1);

        assertThat(webhooks.delivered(hook.id(), event.id(), "a", T0)).isFalse();
        assertThat(webhooks.delivered(hook.id(), event.id(), "b", T0)).isTrue();
        assertThat(webhooks.find(hook.id(), event.id()).get().state()).isEqualTo(WebhookDelivery.State.DELIVERED);
    }

    @Test
    void a_dead_delivery_is_listed_lets_later_ones_go_and_can_be_redelivered() {
        MerchantEvent first = placed("membership/c/1");
        MerchantEvent second = placed("membership/c/1");
        webhooks.owe(hook, List.of(first), T0);
        webhooks.owe(hook, List.of(second), T0);
        webhooks.claim("a", 10, T0, LEASE);

        assertThat(webhooks.dead(hook.id(), first.id(), "a", "HTTP 500")).isTrue();

        assertThat(webhooks.dead(tenant, 10)).extracting(d -> d.event().id()).containsExactly(first.id());
        assertThat(webhooks.dead(Fixtures.uniqueTenantId(), 10)).isEmpty();
        assertThat(webhooks.claim("a", 10, T0, LEASE)).extracting(d -> d.event().id()).containsExactly(second.id());
        webhooks.delivered(hook.id(), second.id(), "a", T0);

        assertThat(webhooks.redeliver(Fixtures.uniqueTenantId(), hook.id(), first.id(), T0)).isFalse();
        assertThat(webhooks.redeliver(tenant, hook.id(), first.id(), T0.plusSeconds(60))).isTrue();
        WebhookDelivery back = webhooks.find(hook.id(), first.id()).get();
        assertThat(back.state()).isEqualTo(WebhookDelivery.State.PENDING);
        assertThat(back.attempts()).isZero();
        assertThat(back.owedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(webhooks.claim("a", 10, T0.plusSeconds(60), LEASE)).extracting(d -> d.event().id())
                .containsExactly(first.id());
        assertThat(webhooks.redeliver(tenant, hook.id(), second.id(), T0)).isFalse();
    }

    @Test
    void deleting_a_webhook_drops_what_it_was_owed() {
        MerchantEvent event = placed("membership/c/1");
        webhooks.owe(hook, List.of(event), T0);

        webhooks.delete(tenant, hook.id());

        assertThat(webhooks.claim("a", 10, T0, LEASE)).isEmpty();
        assertThat(webhooks.find(hook.id(), event.id())).isEmpty();
    }

    @Test
    void keeps_the_event_types_a_webhook_wants() {
        assertThat(webhooks.list(tenant).get(0).types())
                .isEqualTo(Set.of(EventType.POINTS_CHANGED, EventType.MEMBERSHIP_ACTIVATED));
    }

    /** An event placed in the events table, as deliveries refer to placed events. */
    private MerchantEvent placed(String orderKey) {
        MerchantEvent event = EventStoreContract.event(tenant, orderKey, T0);
        stores().events().append(event);
        return stores().events().place(100, batch -> {}).stream().filter(e -> e.id().equals(event.id()))
                .findFirst().orElseThrow();
    }
}
