package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cards of all accounts: creation, lookup with WeChat's refusals, review (automatic after a delay, or through
 * the control API) with its events, and the test whitelist.
 */
final class Cards {
    private final Apps apps;
    private final Pusher pusher;
    private final ScheduledExecutorService scheduler;
    private final Duration reviewDelay;
    private final Clock clock;
    private final StateChanges changes;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Card> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> whitelist = new ConcurrentHashMap<>(); // appId -> openids

    Cards(Apps apps, Pusher pusher, ScheduledExecutorService scheduler, SandboxSettings settings, Clock clock,
          StateChanges changes) {
        this.apps = apps;
        this.changes = changes;
        this.pusher = pusher;
        this.scheduler = scheduler;
        this.reviewDelay = settings.autoReview() ? settings.reviewDelay() : null;
        this.clock = clock;
    }

    long now() {
        return clock.millis() / 1000;
    }

    /** {@code /card/create}: checks the definition, stores the card under review and schedules the auto-review. */
    Card create(Apps.Registered app, ObjectNode memberCard) {
        CardRules.validate(memberCard);
        long quantity = CardRules.initialQuantity(memberCard);
        byte[] raw = new byte[16]; // 28 characters in all, like WeChat's card ids
        random.nextBytes(raw);
        String id = "p" + app.idPrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Card card = new Card(id, app.appId(), sequence.incrementAndGet(), now(), memberCard.deepCopy(), quantity);
        byId.put(id, card);
        scheduleAutoReview(card);
        return card;
    }

    /** The account's card: 41012 without a card_id, 40073 when unknown, 45030 when another account's. */
    Card of(String appId, String cardId) {
        if (cardId == null || cardId.isBlank()) {
            throw new WxException(41012, "missing card_id");
        }
        Card card = byId.get(cardId);
        if (card == null) {
            throw new WxException(40073, "invalid card_id: " + cardId);
        }
        if (!card.appId.equals(appId)) {
            throw new WxException(45030, "no permission for this card_id: it belongs to another account");
        }
        return card;
    }

    /** Any account's card, for the control API and WeChat Pay; null when unknown. */
    Card find(String cardId) {
        return cardId == null ? null : byId.get(cardId);
    }

    /** The account's cards in creation order. */
    List<Card> ofApp(String appId) {
        return byId.values().stream().filter(c -> c.appId.equals(appId))
                .sorted(Comparator.comparingLong(c -> c.sequence)).toList();
    }

    /** {@code /card/update}: answers send_check; a card back under review gets a new auto-review. */
    boolean update(String appId, String cardId, ObjectNode changes) {
        Card card = of(appId, cardId);
        boolean sendCheck = card.update(changes, now());
        if (sendCheck) {
            scheduleAutoReview(card);
        }
        return sendCheck;
    }

    /** A review decision from the control API; pushes card_pass_check or card_not_pass_check. */
    void review(Card card, boolean pass, String refuseReason) {
        card.decideReview(pass, null, now());
        pushReviewEvent(card, pass, refuseReason);
    }

    private void scheduleAutoReview(Card card) {
        if (reviewDelay == null) {
            return;
        }
        int round = card.reviewRound();
        try {
            scheduler.schedule(() -> {
                if (card.decideReview(true, round, now())) {
                    changes.changed();
                    pushReviewEvent(card, true, null);
                }
            }, reviewDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the sandbox is closing: the card simply stays under review
        }
    }

    private void pushReviewEvent(Card card, boolean pass, String refuseReason) {
        apps.byAppId(card.appId).ifPresent(app -> pusher.push(
                EventXml.of(app, app.adminOpenid(), now(), pass ? "card_pass_check" : "card_not_pass_check")
                        .text("CardId", card.id)
                        .text("RefuseReason", pass ? "" : refuseReason)));
    }

    /** {@code /card/testwhitelist/set}: adds testers who may hold cards before approval. */
    void whitelist(String appId, List<String> openids) {
        whitelist.computeIfAbsent(appId, a -> ConcurrentHashMap.newKeySet()).addAll(openids);
    }

    boolean whitelisted(String appId, String openid) {
        return whitelist.getOrDefault(appId, Set.of()).contains(openid);
    }

    void clear() {
        byId.clear();
        whitelist.clear();
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    /** All cards (with their members) in creation order. */
    ArrayNode snapshotCards() {
        ArrayNode out = Json.array();
        byId.values().stream().sorted(Comparator.comparingLong(c -> c.sequence)).forEach(c -> out.add(CardStateFile.snapshot(c)));
        return out;
    }

    ObjectNode snapshotWhitelists() {
        ObjectNode out = Json.object();
        new TreeMap<>(whitelist).forEach((appId, openids) -> {
            ArrayNode list = out.putArray(appId);
            new TreeSet<>(openids).forEach(list::add);
        });
        return out;
    }

    /** Puts back cards read from the state file; those still under review get a new auto-review. */
    void restore(List<Card> restored, ObjectNode whitelists) {
        for (Card card : restored) {
            if (byId.putIfAbsent(card.id, card) != null) {
                throw new IllegalArgumentException("card " + card.id + " appears twice");
            }
            sequence.accumulateAndGet(card.sequence, Math::max);
        }
        whitelists.properties().forEach(entry -> {
            if (!entry.getValue().isArray()) {
                throw new IllegalArgumentException("the whitelist of " + entry.getKey() + " must be an array");
            }
            List<String> openids = new java.util.ArrayList<>();
            entry.getValue().forEach(openid -> openids.add(openid.asText()));
            whitelist(entry.getKey(), openids);
        });
        restored.stream().filter(card -> Card.NOT_VERIFY.equals(card.status())).forEach(this::scheduleAutoReview);
    }

    Collection<Card> all() {
        return byId.values();
    }
}
