package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A tenant's webhooks: made (their secret shown once), listed, deleted; and their dead deliveries, sent again. */
public interface ManageWebhooksUseCase {

    /**
     * @param url        where to post; checked against what webhooks may call (https; see {@code docs/webhooks.md})
     * @param eventTypes the wire names wanted ({@code membership.points_changed}, ...); empty means every type
     */
    record CreateWebhookCommand(TenantId tenantId, String url, Set<String> eventTypes) {
        public CreateWebhookCommand {
            Objects.requireNonNull(tenantId, "tenant");
            Objects.requireNonNull(url, "url");
            eventTypes = Set.copyOf(eventTypes);
        }
    }

    /** The webhook as made, with its secret: the only time it is shown. */
    Either<Failure, Webhook> create(CreateWebhookCommand command);

    List<Webhook> webhooks(TenantId tenantId);

    Either<Failure, Webhook> delete(TenantId tenantId, String webhookId);

    /** Deliveries given up on after the whole retry span, oldest first. */
    List<WebhookDelivery> deadDeliveries(TenantId tenantId, int limit);

    /** Puts a dead delivery back in the queue (it goes out again with the same event id). */
    Either<Failure, WebhookDelivery> redeliver(TenantId tenantId, String webhookId, String eventId);
}
