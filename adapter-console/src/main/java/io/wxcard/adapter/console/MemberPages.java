package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.operator.OperatorAction;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members: search by code, openid, phone or membership number, a member's page with state, totals and the ledger as a timeline, and changing
 * points or stored value with a reason. Each change form carries an idempotency key made when the form was shown, so
 * that a double click (or a resent form) applies once.
 */
final class MemberPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** @param phone the member's phone, masked ({@code 138****8000}); empty when none is known */
    record MemberRow(String cardId, String code, String openId, String state, long points, String balance,
                     String phone) {
        String url() {
            return ConsolePaths.MEMBERS + "/" + cardId + "/" + code;
        }
    }

    record SearchPage(Chrome chrome, String term, List<MemberRow> members) {}

    record TimelineEntry(long sequence, String when, String asset, String delta, String reason, String source,
                         long pointsAfter, String balanceAfter) {
        boolean increase() {
            return !delta.startsWith("-");
        }
    }

    /** @param changeKey the idempotency key of the change form shown on this page */
    record MemberPage(Chrome chrome, MemberRow member, List<TimelineEntry> timeline, long entries, String changeKey,
                      String error, String reason, String delta, String asset) {}

    private final ConsoleUseCases useCases;

    MemberPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.MEMBERS, ctx -> Pages.guarded(ctx, this::search), ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.MEMBERS + "/{card}/{code}", ctx -> Pages.guarded(ctx, this::show),
                ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.MEMBERS + "/{card}/{code}/ledger", ctx -> Pages.guarded(ctx, this::change),
                ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.MEMBERS + "/{card}/{code}/invalidate", ctx -> Pages.guarded(ctx, this::invalidate),
                ConsoleAccess.SIGNED_IN);
    }

    private void search(Context ctx) {
        SignedInOperator operator = Guard.operator(ctx);
        String term = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        Map<MembershipKey, MemberRow> found = new LinkedHashMap<>();
        useCases.searchMembers().search(operator.tenantId(), term)
                .forEach(m -> found.put(m.key(), row(m)));
        crmLookups(term).forEach(lookup -> useCases.findMembers().find(operator.tenantId(), lookup)
                .getOrElse(List.of())
                .forEach(f -> found.putIfAbsent(f.membership().key(), row(f.membership(), f.profile()))));
        ctx.render("members.jte", Map.of("page", new SearchPage(Pages.chrome(ctx, "members"), term,
                List.copyOf(found.values()))));
    }

    /**
     * What store staff type besides a code or an openid: a phone (compared in its normalised form, so
     * {@code +86 138 0013 8000} finds 13800138000) or the merchant's membership number.
     */
    private static List<MemberLookup> crmLookups(String term) {
        if (term.isEmpty()) {
            return List.of();
        }
        List<MemberLookup> lookups = new ArrayList<>();
        Phone.parse(term).forEach(phone -> lookups.add(new MemberLookup.ByPhone(phone)));
        Try.of(() -> new MembershipNumber(term)).forEach(n -> lookups.add(new MemberLookup.ByMembershipNumber(n)));
        return lookups;
    }

    private void show(Context ctx) {
        Either<Failure, Membership> membership = membership(ctx);
        if (membership.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        render(ctx, membership.get(), "", "", "", "POINTS");
    }

    private void change(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.CHANGE_LEDGER);
        Either<Failure, Membership> found = membership(ctx);
        if (found.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        Membership before = found.get();
        Messages t = Messages.of(ctx);
        String asset = "BALANCE".equals(ctx.formParam("asset")) ? "BALANCE" : "POINTS";
        String deltaText = value(ctx, "delta");
        String reason = value(ctx, "reason");
        Try<LedgerChange> change = Try.of(() -> {
            long delta = Long.parseLong(deltaText);
            IdempotencyKey key = new IdempotencyKey(value(ctx, "idempotency_key"));
            return asset.equals("BALANCE")
                    ? LedgerChange.balance(Fen.of(delta), reason, key, EntrySource.MERCHANT, true)
                    : LedgerChange.points(Points.of(delta), reason, key, EntrySource.MERCHANT, true);
        });
        if (change.isFailure()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            // the value objects' own messages are English: the console names what to fix in the operator's words
            String why = t.get(change.getCause() instanceof NumberFormatException ? "member.delta_invalid"
                    : "member.change_invalid");
            render(ctx, before, why, reason, deltaText, asset);
            return;
        }
        // A repeated form (a double click) is answered from the ledger's record: it changed nothing, so no entry.
        Either<Failure, LedgerResult> result = useCases.audit().audited(operator,
                () -> useCases.changeLedger().change(new ChangeLedgerCommand(before.key(), change.get())),
                done -> done.replayed() ? Option.none() : Option.of(new Change("ledger.change", subject(before),
                        totals(before), totals(done.membership()) + " (" + signed(change.get().delta()) + " "
                        + asset.toLowerCase() + ": " + reason + ")")));
        if (result.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, before, t.failure(result.getLeft()), reason, deltaText, asset);
            return;
        }
        ctx.redirect(row(before).url(), HttpStatus.SEE_OTHER);
    }

    /** Invalidation cannot be undone: the form names that, and the operator must tick that they read it. */
    private void invalidate(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.INVALIDATE_MEMBERSHIP);
        Either<Failure, Membership> found = membership(ctx);
        if (found.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        Membership before = found.get();
        Messages t = Messages.of(ctx);
        String reason = value(ctx, "invalidate_reason");
        if (ctx.formParam("confirm") == null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, before, t.get("member.invalidate_unconfirmed"), "", "", "POINTS");
            return;
        }
        Try<InvalidateMembershipCommand> command = Try.of(() -> new InvalidateMembershipCommand(before.key(), reason));
        if (command.isFailure()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, before, t.get("member.invalidate_reason_needed"), "", "", "POINTS");
            return;
        }
        Either<Failure, Membership> invalidated = useCases.audit().audited(operator,
                () -> useCases.invalidateMembership().invalidate(command.get()),
                after -> Option.of(new Change("membership.invalidate", subject(before), before.state().name(),
                        after.state().name() + " (" + reason + ")")));
        if (invalidated.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, before, t.failure(invalidated.getLeft()), "", "", "POINTS");
            return;
        }
        ctx.redirect(row(before).url(), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Membership membership, String error, String reason, String delta, String asset) {
        var ledger = useCases.findMemberships().ledger(membership.key(), PageRequest.first(50));
        List<LedgerEntry> entries = ledger.map(page -> page.items()).getOrElse(List.of());
        List<TimelineEntry> timeline = entries.stream().sorted((a, b) -> Long.compare(b.sequence(), a.sequence()))
                .map(MemberPages::entry).toList();
        long total = ledger.map(page -> page.total()).getOrElse(0L);
        ctx.render("member.jte", Map.of("page", new MemberPage(Pages.chrome(ctx, "members"), row(membership),
                timeline, total, "console-" + UUID.randomUUID(), error, reason, delta, asset)));
    }

    private Either<Failure, Membership> membership(Context ctx) {
        return Try.of(() -> new MembershipKey(Guard.operator(ctx).tenantId(), new CardId(ctx.pathParam("card")),
                        new Code(ctx.pathParam("code")))).toEither()
                .<Failure>mapLeft(bad -> new Failure.NotFound("membership"))
                .flatMap(key -> useCases.findMemberships().membership(key));
    }

    private static MemberRow row(Membership m) {
        return row(m, Option.none());
    }

    /** A phone is personal data: the list shows it masked, enough to tell two members apart at the till. */
    private static MemberRow row(Membership m, Option<MemberProfile> profile) {
        return new MemberRow(m.cardId().value(), m.code().value(), m.openId().value(), m.state().name(),
                m.totals().points().value(), yuan(m.totals().balance().value()),
                profile.flatMap(MemberProfile::phone).map(Phone::masked).getOrElse(""));
    }

    private static TimelineEntry entry(LedgerEntry e) {
        String delta = e.asset() == Asset.BALANCE ? signedYuan(e.delta()) : signed(e.delta());
        return new TimelineEntry(e.sequence(), WHEN.format(e.recordedAt()), e.asset().name(), delta, e.reason(),
                e.source().name(), e.pointsAfter().value(), yuan(e.balanceAfter().value()));
    }

    private static String subject(Membership m) {
        return "card " + m.cardId().value() + " code " + m.code().value();
    }

    private static String totals(Membership m) {
        return "points " + m.totals().points().value() + ", balance " + yuan(m.totals().balance().value());
    }

    /** Fen as yuan with two decimals: integer arithmetic, no floating point. */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + "¥" + abs / 100 + "." + String.format("%02d", abs % 100);
    }

    private static String signedYuan(long fen) {
        return (fen > 0 ? "+" : "") + yuan(fen);
    }

    private static String signed(long value) {
        return (value > 0 ? "+" : "") + value;
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
