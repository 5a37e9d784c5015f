package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.adapter.console.DailyChart.Series;
import io.wxcard.adapter.console.ImportPages.CardChoice;
import io.wxcard.application.port.in.CardStatisticsQuery.CardStatistics;
import io.wxcard.application.port.in.CardStatisticsQuery.Disagreement;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A card's statistics: members received, activations and points per day, as charts drawn on the server. Our figures
 * come from the ledger and the memberships; WeChat's from its card statistics as pulled ({@code datacube}, see
 * {@code PullCardStatisticsUseCase}), drawn as a line over ours where a day was pulled. The date range is the
 * domain's ({@link StatisticsRange}): a range it refuses is shown with its reason beside the form.
 */
final class StatisticsPages {

    /** The range shown when the form names none: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    /**
     * @param error  what is wrong with the range, beside the form
     * @param notice what the pull from WeChat did, or why it could not (WeChat down, say), above the charts
     */
    record StatisticsPage(Chrome chrome, List<CardChoice> cards, String cardId, String from, String to, String error,
                          String notice, boolean noticeIsProblem, Option<Figures> figures) {}

    /** @param wechatDays how many of the range's days WeChat's figures were pulled for */
    record Figures(String membersChart, String activationsChart, String pointsChart, OurFigures.Totals totals,
                   int wechatDays, List<Disagreement> disagreements) {}

    private final ConsoleUseCases useCases;
    private final Clock clock;

    StatisticsPages(ConsoleUseCases useCases, Clock clock) {
        this.useCases = useCases;
        this.clock = clock;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.STATISTICS, ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.STATISTICS + "/pull", ctx -> Pages.guarded(ctx, this::pull), ConsoleAccess.SIGNED_IN);
    }

    private void show(Context ctx) {
        Guard.allowed(ctx, OperatorAction.READ);
        String pulled = Option.of(ctx.queryParam("pulled")).filter(n -> n.matches("[0-9]{1,9}")).getOrElse("");
        show(ctx, ctx.queryParam("card"), ctx.queryParam("from"), ctx.queryParam("to"),
                pulled.isEmpty() ? "" : Messages.of(ctx).format("statistics.pulled", pulled), false);
    }

    /** Asks WeChat for the card's figures of the days shown, then shows them (or why WeChat could not be asked). */
    private void pull(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.PULL_STATISTICS);
        String cardId = Option.of(ctx.formParam("card")).getOrElse("");
        String from = Option.of(ctx.formParam("from")).getOrElse("");
        String to = Option.of(ctx.formParam("to")).getOrElse("");
        Option<CardId> card = Try.of(() -> new CardId(cardId)).toOption();
        if (card.isEmpty() || day(from).isEmpty() || day(to).isEmpty()) {
            show(ctx, cardId, from, to, "", false); // the range's own problem shows beside the form
            return;
        }
        Either<Failure, Integer> pulled = useCases.pullStatistics().pull(operator.tenantId(), card.get(),
                day(from).get(), day(to).get());
        if (pulled.isLeft()) {
            ctx.status(pulled.getLeft() instanceof Failure.WechatFailed ? HttpStatus.BAD_GATEWAY
                    : HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, cardId, from, to, Messages.of(ctx).failure(pulled.getLeft()), true);
            return;
        }
        ctx.redirect(ConsolePaths.STATISTICS + "?card=" + ConsolePaths.encode(cardId) + "&from="
                + ConsolePaths.encode(from) + "&to=" + ConsolePaths.encode(to) + "&pulled=" + pulled.get(),
                HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, String cardParam, String fromParam, String toParam, String notice,
                      boolean noticeIsProblem) {
        SignedInOperator operator = Guard.operator(ctx);
        Messages t = Messages.of(ctx);
        List<CardChoice> cards = useCases.findCards().cards(operator.tenantId(), Option.none(), PageRequest.first(100))
                .items().stream().map(c -> new CardChoice(c.id().value(), c.definition().baseInfo().title())).toList();
        LocalDate today = StatisticsRange.dayOf(clock.now());
        String cardId = Option.of(cardParam).filter(s -> !s.isBlank())
                .getOrElse(() -> cards.isEmpty() ? "" : cards.get(0).id());
        String from = Option.of(fromParam).getOrElse(() -> today.minusDays(DEFAULT_DAYS - 1).toString());
        String to = Option.of(toParam).getOrElse(today::toString);
        if (cards.isEmpty()) {
            render(ctx, new StatisticsPage(Pages.chrome(ctx, "statistics"), cards, cardId, from, to, "", "", false,
                    Option.none()));
            return;
        }
        Option<LocalDate> fromDay = day(from);
        Option<LocalDate> toDay = day(to);
        Option<CardId> card = Try.of(() -> new CardId(cardId)).toOption();
        Either<String, CardStatistics> shown;
        if (fromDay.isEmpty() || toDay.isEmpty()) {
            shown = Either.left(t.get("statistics.not_a_date"));
        } else if (card.isEmpty()) {
            shown = Either.left(t.get("failure.not_found"));
        } else {
            shown = useCases.statistics().statistics(operator.tenantId(), card.get(), fromDay.get(), toDay.get())
                    .mapLeft(t::failure);
        }
        if (shown.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        render(ctx, new StatisticsPage(Pages.chrome(ctx, "statistics"), cards, cardId, from, to,
                shown.isLeft() ? shown.getLeft() : "", notice, noticeIsProblem, shown.toOption().map(s -> figures(t, s))));
    }

    private static void render(Context ctx, StatisticsPage page) {
        ctx.render("statistics.jte", Map.of("page", page));
    }

    private static Option<LocalDate> day(String text) {
        return Try.of(() -> LocalDate.parse(text.strip())).toOption();
    }

    private static Figures figures(Messages t, CardStatistics statistics) {
        List<OurFigures.Day> ours = statistics.ours().days();
        List<LocalDate> days = ours.stream().map(OurFigures.Day::day).toList();
        Map<LocalDate, WechatDailyFigures> wechat = statistics.wechat().stream()
                .collect(Collectors.toMap(WechatDailyFigures::day, Function.identity(), (a, b) -> b));
        String members = DailyChart.svg("chart-members", t.get("statistics.members"), days, List.of(
                ours(t.get("statistics.ours.received"), "ours", ours, OurFigures.Day::newMembers),
                theirs(t.get("statistics.wechat.received"), days, wechat, WechatDailyFigures::receiveCount)));
        String activations = DailyChart.svg("chart-activations", t.get("statistics.activations"), days, List.of(
                ours(t.get("statistics.ours.activated"), "ours", ours, OurFigures.Day::activatedMembers),
                theirs(t.get("statistics.wechat.activated"), days, wechat, WechatDailyFigures::activeUsers)));
        String points = DailyChart.svg("chart-points", t.get("statistics.points"), days, List.of(
                ours(t.get("statistics.points.issued"), "ours", ours, OurFigures.Day::pointsIssued),
                ours(t.get("statistics.points.redeemed"), "spent", ours, OurFigures.Day::pointsRedeemed)));
        int pulled = (int) days.stream().filter(wechat::containsKey).count();
        return new Figures(members, activations, points, statistics.ours().totals(), pulled,
                statistics.disagreements());
    }

    private static Series ours(String name, String cssClass, List<OurFigures.Day> days,
                               ToLongFunction<OurFigures.Day> figure) {
        return new Series(name, cssClass, false, days.stream().map(d -> Option.of(figure.applyAsLong(d))).toList());
    }

    private static Series theirs(String name, List<LocalDate> days, Map<LocalDate, WechatDailyFigures> wechat,
                                 ToLongFunction<WechatDailyFigures> figure) {
        return new Series(name, "wechat", true, days.stream()
                .map(day -> Option.of(wechat.get(day)).map(figure::applyAsLong)).toList());
    }
}
