package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.Operation;
import io.wxcard.adapter.rest.StatisticsResources.CardStatisticsResource;
import io.wxcard.application.port.in.CardStatisticsQuery;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.statistics.StatisticsRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /v1/cards/{id}/statistics?from=&to=}: a card's figures per day, ours from the ledger beside WeChat's as
 * pulled (by the CLI's {@code statistics --pull}), with the disagreements. Reading does not call WeChat: a GET stays
 * cheap and safe, and spends none of the account's datacube quota.
 */
final class StatisticsRoutes {

    private static final String TAG = "statistics";
    private static final String PATH = "/v1/cards/{id}/statistics";

    private final CardStatisticsQuery statistics;
    private final FindCardsQuery cards;

    StatisticsRoutes(RestUseCases useCases) {
        this.statistics = useCases.cardStatistics();
        this.cards = useCases.findCards();
    }

    void register(Javalin app, ApiDocs docs) {
        app.get(PATH, this::read, Access.API_KEY);
        Operation read = docs.operation(GET, PATH, "getCardStatistics",
                "Read a card's statistics per day: ours beside WeChat's, and where they disagree", TAG, 404, 422)
                .description("Days are China time, both ends included, at most " + StatisticsRange.MAX_DAYS
                        + " and none after today: the ranges WeChat's card statistics take (another range is "
                        + "refused with code STATISTICS_RANGE_INVALID naming the field). WeChat's figures are those "
                        + "last pulled; a day not pulled yet has none.");
        read.addParametersItem(ApiDocs.query("from", "The first day, YYYY-MM-DD; required.").required(true));
        read.addParametersItem(ApiDocs.query("to", "The last day, YYYY-MM-DD; required.").required(true));
        read.getResponses().addApiResponse("200", docs.answer(CardStatisticsResource.class));
    }

    private void read(Context ctx) {
        CardId cardId = Params.cardId(ctx);
        Problems.orAnswer(cards.card(Access.tenant(ctx), cardId)); // an unknown card is a 404 whatever the days
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        ctx.json(StatisticsResources.of(cardId, Problems.orAnswer(statistics.statistics(Access.tenant(ctx), cardId,
                from, to))));
    }

    private static LocalDate day(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            throw Params.invalidParameter(name, "is required: a day, YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException notADay) {
            throw Params.invalidParameter(name, "must be a day, YYYY-MM-DD, got " + Params.abbreviate(raw));
        }
    }
}
