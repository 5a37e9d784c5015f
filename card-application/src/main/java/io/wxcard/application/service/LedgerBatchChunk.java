package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.LedgerLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.Member;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.LedgerBatchStore.LineFailure;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.LedgerStore.MembershipEntry;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerAmount;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipEvent;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Rejection;
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
 * Applies one chunk of a ledger batch in the caller's transaction, with a fixed number of round trips whatever its
 * size: the members it names are resolved and read, and the entries under its keys found, in one read each; every
 * line is then decided in memory, on the membership as the lines before it left it, by the same domain rules as a
 * single change ({@link Membership#record}); what they decided is written back in one batch per table. A lost race
 * (a stale version, a sequence taken) throws, and the caller's unit of work runs the whole chunk again.
 */
final class LedgerBatchChunk {

    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final MemberProfileStore profiles;
    private final LedgerBatchStore batches;
    private final OutboxWriter outbox;
    private final EventPublisher events;

    LedgerBatchChunk(MembershipStore memberships, LedgerStore ledger, MemberProfileStore profiles,
                     LedgerBatchStore batches, OutboxWriter outbox, EventPublisher events) {
        this.memberships = memberships;
        this.ledger = ledger;
        this.profiles = profiles;
        this.batches = batches;
        this.outbox = outbox;
        this.events = events;
    }

    LedgerBatch.Counts apply(LedgerBatchId batchId, Card card, List<BatchLine> lines, Instant now) {
        List<LineFailure> failures = new ArrayList<>();
        Map<Long, Code> codes = resolve(card, lines, failures);
        Map<Code, Membership> asRead = memberships.findAll(card.tenantId(), card.id(), new HashSet<>(codes.values()));
        Map<Code, Map<IdempotencyKey, LedgerEntry>> known = entriesUnderKeys(card, lines, codes);
        Map<Code, Membership> working = new HashMap<>(asRead);
        List<LedgerResult> recorded = new ArrayList<>();
        long applied = 0;
        long replayed = 0;
        long unchanged = 0;
        for (BatchLine batchLine : lines) {
            Code code = codes.get(batchLine.lineNumber());
            if (code == null) {
                continue; // failed already: unreadable, or no single membership found
            }
            Membership membership = working.get(code);
            if (membership == null) {
                failures.add(new LineFailure(batchLine.lineNumber(), "code: card " + card.id() + " has no membership "
                        + "with code " + code));
                continue;
            }
            LedgerLine line = batchLine.line().get();
            Map<IdempotencyKey, LedgerEntry> ofMembership = known.computeIfAbsent(code, c -> new HashMap<>());
            Either<String, List<LedgerResult>> outcome = decide(card, membership, line, ofMembership, now);
            if (outcome.isLeft()) {
                failures.add(new LineFailure(batchLine.lineNumber(), outcome.getLeft()));
                continue;
            }
            List<LedgerResult> results = outcome.get();
            List<LedgerResult> fresh = results.stream().filter(result -> !result.replayed()).toList();
            if (!fresh.isEmpty()) {
                applied++;
                working.put(code, fresh.get(fresh.size() - 1).membership());
                fresh.forEach(result -> ofMembership.put(result.entry().key(), result.entry()));
                recorded.addAll(fresh);
            } else if (!results.isEmpty()) {
                replayed++;
            } else {
                unchanged++;
            }
        }
        write(card, asRead, working, recorded);
        LedgerBatch.Counts counts = new LedgerBatch.Counts(applied, replayed, unchanged, failures.size());
        batches.chunkApplied(batchId, counts, failures);
        return counts;
    }

    /**
     * The line's changes, in order (points, then stored value), each on the membership as the one before left it;
     * or why the line is refused, and then nothing of it counts. A change its key recorded before is a replay.
     */
    private static Either<String, List<LedgerResult>> decide(Card card, Membership membership, LedgerLine line,
                                                             Map<IdempotencyKey, LedgerEntry> known, Instant now) {
        List<LedgerResult> results = new ArrayList<>(2);
        Membership current = membership;
        for (Asset asset : Asset.values()) {
            Option<LedgerAmount> amount = asset == Asset.POINTS ? line.points() : line.balance();
            if (amount.isEmpty()) {
                continue;
            }
            String field = asset == Asset.POINTS ? "points" : "balance";
            Either<Rejection, Card> offered = card.checkOffers(asset);
            if (offered.isLeft()) {
                return Either.left(field + ": " + offered.getLeft().reason());
            }
            IdempotencyKey key = asset == Asset.POINTS ? line.pointsKey() : line.balanceKey();
            Option<LedgerEntry> earlier = Option.of(known.get(key));
            Either<Rejection, Option<LedgerChange>> change = amount.get().changeFrom(asset, current.totals(), earlier,
                    line.reason(), key, EntrySource.MERCHANT, line.notifyMember());
            if (change.isLeft()) {
                return Either.left(field + ": " + change.getLeft().reason());
            }
            if (change.get().isEmpty()) {
                continue; // the target is what the member has
            }
            Either<Rejection, LedgerResult> result = current.record(change.get().get(), earlier, now);
            if (result.isLeft()) {
                return Either.left(field + ": " + result.getLeft().reason());
            }
            results.add(result.get());
            current = result.get().membership();
        }
        return Either.right(results);
    }

    /** What was decided, one batch per table; memberships in code order, so that two chunks never lock crosswise. */
    private void write(Card card, Map<Code, Membership> asRead, Map<Code, Membership> working,
                       List<LedgerResult> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        List<Membership> changed = working.entrySet().stream()
                .filter(entry -> entry.getValue() != asRead.get(entry.getKey()))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(m -> m.code().value()))
                .toList();
        memberships.saveTotalsAll(changed);
        ledger.appendAll(recorded.stream().map(r -> new MembershipEntry(r.membership().key(), r.entry())).toList());
        List<MembershipEvent> happened = new ArrayList<>(recorded.size());
        recorded.forEach(result -> happened.addAll(result.events()));
        outbox.membershipsChanged(card.tenantId(), happened);
        events.ledgerRecorded(recorded);
    }

    /**
     * The code each readable line names, directly or through one look-up per kind for the whole chunk; a line that
     * names no single membership of the card fails here. The reason never repeats a phone or membership number: they
     * are the member's personal data.
     */
    private Map<Long, Code> resolve(Card card, List<BatchLine> lines, List<LineFailure> failures) {
        Set<MemberLookup> lookups = new HashSet<>();
        lines.forEach(line -> line.line().forEach(l -> {
            if (l.member() instanceof Member.ByLookup byLookup) {
                lookups.add(byLookup.lookup());
            }
        }));
        Map<MemberLookup, List<MembershipKey>> found = lookups.isEmpty() ? Map.of()
                : profiles.lookUpOnCard(card.tenantId(), card.id(), lookups, 2);
        Map<Long, Code> codes = new LinkedHashMap<>();
        for (BatchLine line : lines) {
            if (line.line().isLeft()) {
                failures.add(new LineFailure(line.lineNumber(), line.line().getLeft()));
            } else if (line.line().get().member() instanceof Member.ByCode byCode) {
                codes.put(line.lineNumber(), byCode.code());
            } else {
                MemberLookup lookup = ((Member.ByLookup) line.line().get().member()).lookup();
                List<MembershipKey> matches = found.getOrDefault(lookup, List.of());
                String field = lookup instanceof MemberLookup.ByPhone ? "phone"
                        : lookup instanceof MemberLookup.ByOpenId ? "openid" : "membership_number";
                if (matches.size() == 1) {
                    codes.put(line.lineNumber(), matches.get(0).code());
                } else {
                    failures.add(new LineFailure(line.lineNumber(), field + ": " + (matches.isEmpty()
                            ? "no membership of card " + card.id() + " has the line's " + field
                            : "the line's " + field + " is on several memberships of card " + card.id()
                            + "; name the membership by its code")));
                }
            }
        }
        return codes;
    }

    private Map<Code, Map<IdempotencyKey, LedgerEntry>> entriesUnderKeys(Card card, List<BatchLine> lines,
                                                                         Map<Long, Code> codes) {
        Map<Code, Set<IdempotencyKey>> keys = new HashMap<>();
        for (BatchLine line : lines) {
            Code code = codes.get(line.lineNumber());
            if (code != null) {
                LedgerLine l = line.line().get();
                Set<IdempotencyKey> ofCode = keys.computeIfAbsent(code, c -> new HashSet<>());
                l.points().forEach(p -> ofCode.add(l.pointsKey()));
                l.balance().forEach(b -> ofCode.add(l.balanceKey()));
            }
        }
        Map<Code, Map<IdempotencyKey, LedgerEntry>> known = new HashMap<>();
        if (!keys.isEmpty()) {
            for (MembershipEntry found : ledger.findByKeys(card.tenantId(), card.id(), keys)) {
                known.computeIfAbsent(found.membership().code(), c -> new HashMap<>())
                        .put(found.entry().key(), found.entry());
            }
        }
        return known;
    }
}
