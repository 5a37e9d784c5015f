package io.wxcard.application.service;

/**
 * The events going out (issue 15), wired: what the services publish into the events table, and what reads it (the
 * change feed, the listeners of an embedding, the webhooks), with the members' profiles the CRM reads beside them.
 */
final class EventServices {

    final EventPublisher publisher;
    final EventRelay relay;
    final WebhookService webhooks;
    final MemberDirectoryService members;

    EventServices(CardServicesBuilder b, Lookups lookups) {
        this.publisher = new EventPublisher(b.events, b.ids, b.clock);
        WebhookDispatcher dispatcher = new WebhookDispatcher(b.webhooks, b.webhookSender, b.clock, b.eventSettings,
                b.instanceName, b.webhookSenders);
        this.relay = new EventRelay(b.events, b.webhooks, dispatcher, b.clock, b.eventSettings);
        this.webhooks = new WebhookService(b.webhooks, new WebhookUrlPolicy(b.eventSettings.allowHttpToLoopback()),
                lookups, b.ids, b.clock);
        this.members = new MemberDirectoryService(b.profiles, lookups);
    }
}
