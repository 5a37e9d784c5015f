package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ConfigureActivationFormUseCase;
import io.wxcard.application.port.in.DeleteCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.RecordReviewResultUseCase;
import io.wxcard.application.port.in.SetTestWhitelistUseCase;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardStatus;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardChange;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.EditRoute;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card's lifecycle: drafted here, reviewed by WeChat, deleted. Calls whose answer the card needs (WeChat's card_id,
 * {@code send_check}) are made first and recorded after; the deletion, which needs no answer, follows through the
 * outbox.
 */
final class CardService implements DraftCardUseCase, EditCardUseCase, SubmitCardUseCase, RecordReviewResultUseCase,
        SetTestWhitelistUseCase, ConfigureActivationFormUseCase, DeleteCardUseCase, FindCardsQuery {

    private static final Logger LOG = LoggerFactory.getLogger(CardService.class);
    static final int ORPHAN_SEARCH_PAGES = 20;

    private final CardStore cards;
    private final OutboxWriter outbox;
    private final WechatCardCatalog catalog;
    private final WechatCardDistribution distribution;
    private final WechatMemberCards members;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventPublisher events;
    private final IdGenerator ids;

    CardService(CardStore cards, OutboxWriter outbox, WechatCardCatalog catalog, WechatCardDistribution distribution,
                WechatMemberCards members, Lookups lookups, UnitOfWork unitOfWork, Clock clock, IdGenerator ids,
                EventPublisher events) {
        this.events = events;
        this.cards = cards;
        this.outbox = outbox;
        this.catalog = catalog;
        this.distribution = distribution;
        this.members = members;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, Card> draft(DraftCardCommand command) {
        return lookups.tenant(command.tenantId()).flatMap(tenant -> unitOfWork.run("the new card",
                () -> rejected(Card.draft(ids.newCardId(), command.tenantId(), command.definition(), clock.now()))
                        .map(change -> cards.save(change.card()))));
    }

    @Override
    public Either<Failure, Card> edit(EditCardCommand command) {
        return lookups.card(command.tenantId(), command.cardId())
                .flatMap(card -> rejected(card.checkEditable(command.definition())).flatMap(route -> route == EditRoute.THROUGH_WECHAT
                        ? editOnWechat(card, command)
                        : change(command.tenantId(), command.cardId(),
                                fresh -> fresh.edit(command.definition(), clock.now()))));
    }

    private Either<Failure, Card> editOnWechat(Card card, EditCardCommand command) {
        return lookups.account(command.tenantId())
                .flatMap(account -> fromWechat(catalog.update(account, card.wechatCardId().get(), command.definition())))
                .flatMap(sentBackToReview -> change(command.tenantId(), command.cardId(),
                        fresh -> fresh.editPublished(command.definition(), sentBackToReview, clock.now())));
    }

    @Override
    public Either<Failure, Card> submit(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId)
                .flatMap(card -> rejected(card.checkSubmittable()))
                .flatMap(card -> lookups.account(tenantId).flatMap(account -> sendForReview(account, card)
                        .flatMap(wechatCardId -> recordSubmission(card, wechatCardId))));
    }

    /** A first submission creates the card on WeChat; a resubmission after a refusal updates it. */
    private Either<Failure, WechatCardId> sendForReview(WechatAccount account, Card card) {
        if (card.wechatCardId().isDefined()) {
            WechatCardId known = card.wechatCardId().get();
            return fromWechat(catalog.update(account, known, card.definition())).map(sentBack -> known);
        }
        Either<WechatError, WechatCardId> created = catalog.create(account, card.definition());
        if (created.isLeft() && answerMayHaveBeenLost(created.getLeft())) {
            // WeChat may have created the card before its answer was lost; creating it again would leave an orphan on
            // WeChat that nobody points to. Look for it first, and take it if it is there.
            Option<WechatCardId> orphan = findCreatedButUnanswered(account, card);
            if (orphan.isDefined()) {
                LOG.warn("card {}: WeChat's answer to card/create was lost ({}); found the card it created, {}",
                        card.id(), created.getLeft(), orphan.get());
                return Either.right(orphan.get());
            }
        }
        return fromWechat(created);
    }

    private static boolean answerMayHaveBeenLost(WechatError error) {
        return error.kind() == WechatError.Kind.TRANSIENT || error.kind() == WechatError.Kind.UNTRUSTED_ANSWER;
    }

    /**
     * A card of the account that no card here points to and that shows this card's definition: what a create whose
     * answer was lost leaves behind. Looks through the first {@link #ORPHAN_SEARCH_PAGES} pages of the account's cards;
     * when WeChat cannot be read either, finds nothing (and the caller reports the create's failure).
     */
    private Option<WechatCardId> findCreatedButUnanswered(WechatAccount account, Card card) {
        for (int page = 0; page < ORPHAN_SEARCH_PAGES; page++) {
            Either<WechatError, List<WechatCardId>> ids = catalog.list(account, page * 50, 50);
            if (ids.isLeft() || ids.get().isEmpty()) {
                return Option.none();
            }
            for (WechatCardId id : ids.get()) {
                if (cards.findByWechatCardId(card.tenantId(), id).isEmpty()) {
                    Either<WechatError, WechatCardStatus> status = catalog.get(account, id);
                    if (status.isRight() && !status.get().status().equals(WechatCardStatus.DELETED)
                            && status.get().definition().exists(shown -> shown.showsTheSameCardAs(card.definition()))) {
                        return Option.of(id);
                    }
                }
            }
        }
        return Option.none();
    }

    private Either<Failure, Card> recordSubmission(Card card, WechatCardId wechatCardId) {
        Either<Failure, Card> recorded = change(card.tenantId(), card.id(),
                fresh -> fresh.submitted(wechatCardId, clock.now()));
        if (recorded.isLeft() && card.wechatCardId().isEmpty()) {
            // Someone submitted the same draft at the same moment: WeChat now holds a card nobody points to.
            LOG.warn("card {} was submitted twice at once; deleting the orphan WeChat card {}", card.id(), wechatCardId);
            unitOfWork.run("the orphan's deletion", () -> {
                outbox.enqueue(new OutboxTask.DeleteCardOnWechat(card.tenantId(), card.id(), wechatCardId));
                return Either.right(wechatCardId);
            });
        }
        return recorded;
    }

    @Override
    public Either<Failure, Card> record(ReviewResult result) {
        return lookups.cardOnWechat(result.tenantId(), result.wechatCardId())
                .flatMap(card -> change(result.tenantId(), card.id(), fresh -> result.passed()
                        ? fresh.reviewPassed(clock.now())
                        : fresh.reviewRejected(result.refusalReason().getOrElse(""), clock.now())));
    }

    @Override
    public Either<Failure, Card> setTestWhitelist(SetTestWhitelistCommand command) {
        return lookups.card(command.tenantId(), command.cardId())
                .flatMap(card -> rejected(card.testWhitelistSet(command.whitelist(), clock.now())))
                .flatMap(checked -> lookups.account(command.tenantId()))
                .flatMap(account -> fromWechat(distribution.setTestWhitelist(account, command.whitelist())))
                .flatMap(done -> change(command.tenantId(), command.cardId(),
                        fresh -> fresh.testWhitelistSet(command.whitelist(), clock.now())));
    }

    @Override
    public Either<Failure, Card> configure(ConfigureActivationFormCommand command) {
        return lookups.card(command.tenantId(), command.cardId())
                .flatMap(card -> rejected(card.checkActivationFormAllowed(command.form())))
                .flatMap(wechatCardId -> lookups.account(command.tenantId())
                        .flatMap(account -> fromWechat(members.setActivationForm(account, wechatCardId, command.form()))))
                .flatMap(done -> change(command.tenantId(), command.cardId(),
                        fresh -> fresh.activationFormConfigured(command.form(), clock.now())));
    }

    @Override
    public Either<Failure, Card> delete(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).flatMap(found -> unitOfWork.run("card " + cardId, () ->
                lookups.card(tenantId, cardId)
                        .flatMap(fresh -> rejected(fresh.delete(clock.now())).map(change -> {
                            Card saved = cards.save(change.card());
                            outbox.cardChanged(tenantId, change.events());
                            events.cardChanged(fresh, saved);
                            return saved;
                        }))));
    }

    /** The card a WeChat card_id names, within a tenant. */
    Either<Failure, Card> cardOnWechat(TenantId tenantId, WechatCardId wechatCardId) {
        return lookups.cardOnWechat(tenantId, wechatCardId);
    }

    @Override
    public Either<Failure, Card> card(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId);
    }

    @Override
    public Page<Card> cards(TenantId tenantId, Option<CardState> state, PageRequest page) {
        return cards.list(tenantId, state, page);
    }

    /** Reads the card afresh, applies one decision, saves it: in one transaction, retried on a lost race. */
    private Either<Failure, Card> change(TenantId tenantId, CardId cardId,
                                         Function<Card, Either<Rejection, CardChange>> decision) {
        return unitOfWork.run("card " + cardId, () -> lookups.card(tenantId, cardId)
                .flatMap(fresh -> rejected(decision.apply(fresh)).map(change -> {
                    if (!change.changed()) {
                        return change.card();
                    }
                    Card saved = cards.save(change.card());
                    events.cardChanged(fresh, saved);
                    return saved;
                })));
    }
}
