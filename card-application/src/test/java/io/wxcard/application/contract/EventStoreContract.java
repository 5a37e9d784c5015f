package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventStore} must do. */
public abstract class EventStoreContract {

    protected abstract StoreSet stores();

    private EventStore events;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final TenantId other = Fixtures.uniqueTenantId();

    @BeforeEach
    void setUpStore() {
        events = stores().events();
        stores().tenants().save(Fixtures.tenant(tenant));
        stores().tenants().save(Fixtures.tenant(other));
    }

    @Test
    void places_committed_events_in_order_with_the_next_positions() {
        long before = events.lastPosition();
        MerchantEvent first = event(tenant, "membership/c/1", T0);
        MerchantEvent second = event(tenant, "membership/c/1", T0.plusMillis(1));
        events.append(first);
        events.append(second);

        List<MerchantEvent> placed = events.place(10, batch -> {});

        assertThat(placed).extracting(MerchantEvent::id).containsExactly(first.id(), second.id());
        assertThat(placed).extracting(MerchantEvent::position).containsExactly(before + 1, before + 2);
        assertThat(placed.get(0).json()).isEqualTo(first.json());
        assertThat(events.lastPosition()).isEqualTo(before + 2);
        assertThat(events.place(10, batch -> {})).isEmpty();
    }

    @Test
    void reads_from_any_position_only_the_tenants_own_events() {
        long start = events.lastPosition();
        MerchantEvent mine1 = event(tenant, "a", T0);
        MerchantEvent theirs = event(other, "b", T0.plusMillis(1));
        MerchantEvent mine2 = event(tenant, "a", T0.plusMillis(2));
        List.of(mine1, theirs, mine2).forEach(events::append);
        events.place(10, batch -> {});

        List<MerchantEvent> all = events.after(Option.of(tenant), start, 10);
        assertThat(all).extracting(MerchantEvent::id).containsExactly(mine1.id(), mine2.id());
        assertThat(events.after(Option.of(tenant), all.get(0).position(), 10)).extracting(MerchantEvent::id)
                .containsExactly(mine2.id());
        assertThat(events.after(Option.of(tenant), start, 1)).extracting(MerchantEvent::id).containsExactly(mine1.id());
        assertThat(events.after(Option.none(), start, 10)).hasSize(3);
        assertThat(all.get(0).type()).isEqualTo(EventType.POINTS_CHANGED);
        assertThat(all.get(0).orderKey()).isEqualTo("a");
        assertThat(all.get(0).occurredAt()).isEqualTo(T0);
    }

    @Test
    void an_event_whose_transaction_rolls_back_is_never_placed() {
        assertThatThrownBy(() -> stores().transactions().inTransaction(() -> {
            events.append(event(tenant, "a", T0));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(events.place(10, batch -> {})).isEmpty();
    }

    @Test
    void a_placing_that_fails_places_nothing_and_the_next_one_takes_the_same_events() {
        MerchantEvent waiting = event(tenant, "a", T0);
        events.append(waiting);
        long before = events.lastPosition();

        assertThatThrownBy(() -> events.place(10, batch -> {
            throw new IllegalStateException("owing the webhooks failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(events.lastPosition()).isEqualTo(before);
        assertThat(events.place(10, batch -> {})).extracting(MerchantEvent::id).containsExactly(waiting.id());
    }

    @Test
    void places_at_most_the_limit_and_the_rest_next_time() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MerchantEvent e = event(tenant, "a", T0.plusMillis(i));
            ids.add(e.id());
            events.append(e);
        }

        List<MerchantEvent> first = events.place(3, batch -> {});
        List<MerchantEvent> rest = events.place(3, batch -> {});

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        List<String> placed = new ArrayList<>(first.stream().map(MerchantEvent::id).toList());
        placed.addAll(rest.stream().map(MerchantEvent::id).toList());
        assertThat(placed).containsExactlyElementsOf(ids);
    }

    @Test
    void forgets_placed_events_older_than_the_cutoff() {
        long start = events.lastPosition();
        events.append(event(tenant, "a", T0));
        MerchantEvent recent = event(tenant, "a", T0.plus(Duration.ofDays(2)));
        events.append(recent);
        events.place(10, batch -> {});

        assertThat(events.forgetPlacedBefore(T0.plus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);

        assertThat(events.after(Option.of(tenant), start, 10)).extracting(MerchantEvent::id)
                .containsExactly(recent.id());
    }

    static MerchantEvent event(TenantId tenant, String orderKey, Instant at) {
        String id = "ev_" + UUID.randomUUID();
        return new MerchantEvent(id, 0, tenant, EventType.POINTS_CHANGED, orderKey, at,
                "{\"id\":\"" + id + "\",\"type\":\"membership.points_changed\",\"note\":\"积分 \\\"quoted\\\"\"}");
    }
}
