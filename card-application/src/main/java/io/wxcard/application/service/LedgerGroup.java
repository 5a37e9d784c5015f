package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.LedgerStore.MembershipEntry;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipEvent;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group of points and balance changes in one transaction, with a fixed number of round trips whatever its size:
 * the memberships are read in one query per card, each change is decided in memory by the same domain rules as a
 * change alone ({@link Membership#record}), and what was decided is written in one batch per table (as a chunk of a
 * ledger batch is, {@link LedgerBatchChunk}).
 *
 * <p>Each membership takes at most one new entry per group, so that every answer carries the membership exactly as a
 * change alone would have saved it (its version one higher). A later change of that membership under the key of the
 * entry just decided is that entry's replay; any other waits for the next group. A change this group cannot decide
 * the cheap way (a membership not found, a change refused: its key may have been used before) is run alone after the
 * group, by the path a change alone takes, so that its answer is exactly today's. A lost race throws, and the whole
 * group is undone; its caller then commits it once more reading the entries under its keys first (a retried change is
 * then answered in the group), and only when that fails too runs each change alone.
 */
final class LedgerGroup {

    /** What became of one change of the group. */
    sealed interface Decision {
        /** Its answer, final once the group committed. */
        record Answered(Either<Failure, LedgerResult> answer) implements Decision {}

        /** To be run alone, after the group. */
        record Alone() implements Decision {}

        /** Its membership already changed in this group: for the next one. */
        record Later() implements Decision {}
    }

    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final OutboxWriter outbox;
    private final Lookups lookups;
    private final TransactionBoundary transactions;
    private final Clock clock;
    private final EventPublisher events;
    private final List<LedgerService.LedgerFollowUp> followUps;

    LedgerGroup(MembershipStore memberships, LedgerStore ledger, OutboxWriter outbox, Lookups lookups,
                TransactionBoundary transactions, Clock clock, EventPublisher events,
                List<LedgerService.LedgerFollowUp> followUps) {
        this.memberships = memberships;
        this.ledger = ledger;
        this.outbox = outbox;
        this.lookups = lookups;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.followUps = followUps;
    }

    /**
     * Decides and writes the group in one transaction; the decisions are in the order of the commands. Nearly every
     * change carries a new key, so the ledger's unique keys are the idempotency check and no entry is read; with
     * {@code readingKeys} (after such a group was refused) the entries under the group's keys are read first, in one
     * query per card, and decide the changes they name.
     */
    List<Decision> commit(List<ChangeLedgerCommand> commands, boolean readingKeys) {
        return transactions.inTransaction(() -> decideAndWrite(commands, readingKeys));
    }

    private List<Decision> decideAndWrite(List<ChangeLedgerCommand> commands, boolean readingKeys) {
        Instant now = clock.now();
        Map<MembershipKey, Membership> asRead = read(commands);
        Map<MembershipKey, Map<IdempotencyKey, LedgerEntry>> known = readingKeys ? entriesUnderKeys(commands) : Map.of();
        Map<MembershipKey, LedgerResult> recorded = new LinkedHashMap<>();
        Set<MembershipKey> taken = new HashSet<>();
        Decision[] decisions = new Decision[commands.size()];
        List<Integer> replays = new ArrayList<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            ChangeLedgerCommand command = commands.get(i);
            MembershipKey key = command.membership();
            if (taken.contains(key)) {
                LedgerResult first = recorded.get(key);
                if (first != null && first.entry().key().equals(command.change().key())) {
                    replays.add(i);
                } else {
                    decisions[i] = new Decision.Later();
                }
                continue;
            }
            Either<Failure, ?> offered = lookups.cardToCheck(key.tenantId(), key.cardId())
                    .flatMap(card -> rejected(card.checkOffers(command.change().asset())));
            if (offered.isLeft()) {
                decisions[i] = new Decision.Answered(Either.left(offered.getLeft()));
                continue;
            }
            Membership membership = asRead.get(key);
            Option<LedgerEntry> earlier = Option.of(known.getOrDefault(key, Map.of()).get(command.change().key()));
            if (membership != null && earlier.isDefined()) { // a replay, or a key reused: it writes nothing
                decisions[i] = new Decision.Answered(rejected(membership.record(command.change(), earlier, now)));
                continue;
            }
            taken.add(key);
            Either<Rejection, LedgerResult> asNew = membership == null ? null
                    : membership.record(command.change(), Option.none(), now);
            if (asNew != null && asNew.isLeft() && readingKeys) { // no entry has its key: the refusal stands
                decisions[i] = new Decision.Answered(rejected(asNew));
            } else if (asNew == null || asNew.isLeft()) {
                decisions[i] = new Decision.Alone();
            } else {
                recorded.put(key, asNew.get());
                fresh.add(i);
            }
        }
        Map<MembershipKey, Membership> saved = write(recorded);
        for (int i : fresh) {
            LedgerResult result = recorded.get(commands.get(i).membership());
            decisions[i] = new Decision.Answered(Either.right(
                    new LedgerResult(saved.get(commands.get(i).membership()), result.entry(), false)));
        }
        for (int i : replays) {
            ChangeLedgerCommand command = commands.get(i);
            LedgerResult first = recorded.get(command.membership());
            decisions[i] = new Decision.Answered(rejected(saved.get(command.membership())
                    .record(command.change(), Option.of(first.entry()), now)));
        }
        return List.of(decisions);
    }

    /** The entries under the group's keys, in one read per card. */
    private Map<MembershipKey, Map<IdempotencyKey, LedgerEntry>> entriesUnderKeys(List<ChangeLedgerCommand> commands) {
        Map<TenantId, Map<CardId, Map<Code, Set<IdempotencyKey>>>> wanted = new LinkedHashMap<>();
        commands.forEach(command -> wanted.computeIfAbsent(command.membership().tenantId(), t -> new LinkedHashMap<>())
                .computeIfAbsent(command.membership().cardId(), c -> new HashMap<>())
                .computeIfAbsent(command.membership().code(), c -> new HashSet<>()).add(command.change().key()));
        Map<MembershipKey, Map<IdempotencyKey, LedgerEntry>> known = new HashMap<>();
        wanted.forEach((tenantId, cards) -> cards.forEach((cardId, keys) ->
                ledger.findByKeys(tenantId, cardId, keys).forEach(found -> known
                        .computeIfAbsent(found.membership(), m -> new HashMap<>())
                        .put(found.entry().key(), found.entry()))));
        return known;
    }

    /** The group's memberships, in one read per card. */
    private Map<MembershipKey, Membership> read(List<ChangeLedgerCommand> commands) {
        Map<TenantId, Map<CardId, Set<Code>>> wanted = new LinkedHashMap<>();
        commands.forEach(command -> wanted.computeIfAbsent(command.membership().tenantId(), t -> new LinkedHashMap<>())
                .computeIfAbsent(command.membership().cardId(), c -> new HashSet<>()).add(command.membership().code()));
        Map<MembershipKey, Membership> found = new HashMap<>();
        wanted.forEach((tenantId, cards) -> cards.forEach((cardId, codes) ->
                memberships.findAll(tenantId, cardId, codes).values().forEach(m -> found.put(m.key(), m))));
        return found;
    }

    /**
     * What was decided, one batch per table (memberships in key order, so that two groups never lock crosswise), then
     * what follows each entry; the memberships as saved, by key.
     */
    private Map<MembershipKey, Membership> write(Map<MembershipKey, LedgerResult> recorded) {
        Map<MembershipKey, Membership> saved = new HashMap<>();
        if (recorded.isEmpty()) {
            return saved;
        }
        List<Membership> changed = recorded.values().stream().map(LedgerResult::membership)
                .sorted(Comparator.comparing((Membership m) -> m.tenantId().value())
                        .thenComparing(m -> m.cardId().value()).thenComparing(m -> m.code().value()))
                .toList();
        memberships.saveTotalsAll(changed).forEach(m -> saved.put(m.key(), m));
        ledger.appendAll(recorded.values().stream()
                .map(r -> new MembershipEntry(r.membership().key(), r.entry())).toList());
        Map<TenantId, List<MembershipEvent>> happened = new LinkedHashMap<>();
        List<LedgerResult> asSaved = new ArrayList<>(recorded.size());
        recorded.forEach((key, result) -> {
            happened.computeIfAbsent(key.tenantId(), t -> new ArrayList<>()).addAll(result.events());
            asSaved.add(new LedgerResult(saved.get(key), result.entry(), false));
        });
        happened.forEach(outbox::membershipsChanged);
        events.ledgerRecorded(asSaved);
        asSaved.forEach(result -> followUps.forEach(followUp -> followUp.recorded(result.membership(), result.entry())));
        return saved;
    }
}
