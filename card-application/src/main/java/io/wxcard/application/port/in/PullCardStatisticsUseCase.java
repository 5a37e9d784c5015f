package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.LocalDate;

/** Pulls WeChat's card statistics into the database: on demand for a card, and daily for every card on WeChat. */
public interface PullCardStatisticsUseCase {

    /** Pulls the card's days and the account's two summaries; answers how many rows were kept. */
    Either<Failure, Integer> pull(TenantId tenantId, CardId cardId, LocalDate from, LocalDate to);

    /** Pulls yesterday (China time) for every card of every tenant that WeChat knows; answers the rows kept. */
    int pullYesterday();

    /**
     * The daily pull: the latest day whose figures WeChat has ready ({@code DailyPull}), for every tenant with cards
     * on WeChat whose day no instance has claimed yet. Each tenant's day is pulled once, whichever instance claims it;
     * a failed pull gives the day back to be tried by a later round. Answers the rows kept.
     */
    int pullDueDay();
}
