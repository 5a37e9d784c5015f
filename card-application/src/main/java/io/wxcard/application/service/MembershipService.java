package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.InvalidateMembershipUseCase;
import io.wxcard.application.port.in.PullMemberInfoUseCase;
import io.wxcard.application.port.in.RecordCardReceivedUseCase;
import io.wxcard.application.port.in.RecordMemberDeletedCardUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardChange;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerOpening;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipChange;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A member's card: received, activated, deleted and restored by the member, invalidated by the merchant. */
final class MembershipService implements RecordCardReceivedUseCase, RecordMemberDeletedCardUseCase,
        ActivateMembershipUseCase, PullMemberInfoUseCase, InvalidateMembershipUseCase, FindMembershipsQuery {

    private final CardStore cards;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final OutboxWriter outbox;
    private final WechatMemberCards wechat;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventPublisher events;
    private final MemberProfileStore profiles;
    private final WechatPayMemberCards pay;
    private final ImportedPhones importedPhones;

    MembershipService(CardStore cards, MembershipStore memberships, LedgerStore ledger, OutboxWriter outbox,
                      WechatMemberCards wechat, WechatPayMemberCards pay, Lookups lookups, UnitOfWork unitOfWork,
                      Clock clock, EventPublisher events, MemberProfileStore profiles, ImportedPhones importedPhones) {
        this.pay = pay;
        this.importedPhones = importedPhones;
        this.events = events;
        this.profiles = profiles;
        this.cards = cards;
        this.memberships = memberships;
        this.ledger = ledger;
        this.outbox = outbox;
        this.wechat = wechat;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Either<Failure, Membership> recordReceived(CardReceived received) {
        return lookups.cardOnWechat(received.tenantId(), received.wechatCardId()).flatMap(card -> {
            MembershipKey key = new MembershipKey(received.tenantId(), card.id(), received.code());
            return unitOfWork.run("membership " + received.code(), () -> {
                Option<Membership> known = memberships.find(key);
                if (known.isDefined()) {
                    // A restore, or the same delivery reported again: the member already holds this code.
                    return received.restored()
                            ? rejected(known.get().restoredByMember(clock.now())).map(change -> save(known, change))
                            : Either.right(known.get());
                }
                MembershipChange change = Membership.received(received.tenantId(), card.id(), received.code(),
                        received.openId(), received.outerStr(), card.definition().activationMode(), clock.now());
                // The first delivery issues the card; it is read afresh here, in the transaction, for its version.
                Either<Rejection, CardChange> delivered = cards.find(card.tenantId(), card.id()).getOrElse(card)
                        .delivered(clock.now());
                if (delivered.isRight() && delivered.get().changed()) {
                    cards.save(delivered.get().card());
                }
                Membership saved = memberships.save(change.membership());
                events.membershipChanged(Option.none(), saved);
                received.unionId().forEach(unionId -> {
                    MemberProfile identity = MemberProfile.ofIdentity(key, received.openId(), Option.of(unionId),
                            clock.now());
                    profiles.save(profiles.find(key).map(stored -> stored.updatedBy(identity)).getOrElse(identity));
                });
                importedPhones.membershipAppeared(key, received.openId());
                return Either.right(saved);
            });
        });
    }

    @Override
    public Either<Failure, Membership> recordDeleted(TenantId tenantId, WechatCardId wechatCardId, Code code) {
        return lookups.cardOnWechat(tenantId, wechatCardId)
                .flatMap(card -> change(new MembershipKey(tenantId, card.id(), code),
                        membership -> membership.deletedByMember(clock.now())));
    }

    @Override
    public Either<Failure, Membership> activate(ActivateMembershipCommand command) {
        MembershipKey key = command.membership();
        MembershipNumber number = command.membershipNumber().getOrElse(() -> new MembershipNumber(key.code().value()));
        return lookups.membership(key)
                .flatMap(membership -> rejected(membership.checkActivatable()))
                .flatMap(membership -> lookups.card(key.tenantId(), key.cardId()))
                .flatMap(card -> (card.upgradedForWechatPay() ? activatedOnWechatPay(card, key, number)
                        : activatedOnWechat(card, key, number, command))
                        .flatMap(done -> unitOfWork.run("membership " + key.code(), () -> lookups.membership(key)
                                .flatMap(membership -> activateAndOpen(membership, command, number,
                                        card.upgradedForWechatPay())))));
    }

    private Either<Failure, Done> activatedOnWechat(Card card, MembershipKey key, MembershipNumber number,
                                                    ActivateMembershipCommand command) {
        return rejected(card.checkOnWechat()).flatMap(wechatCardId -> lookups.account(key.tenantId())
                .flatMap(account -> fromWechat(wechat.activate(account, new WechatActivation(wechatCardId, key.code(),
                        number, command.initialPoints(), command.initialPoints().map(points -> "opening points"),
                        command.initialBalance())))));
    }

    /**
     * A card upgraded for WeChat Pay is activated through WeChat Pay's {@code codes/{code}/activate} (WeChat Pay's
     * jump activation; FIDELITY.md section 25), which takes the membership number only: opening totals follow
     * through the outbox's totals sync, which goes through WeChat Pay for such a card.
     */
    private Either<Failure, Done> activatedOnWechatPay(Card card, MembershipKey key, MembershipNumber number) {
        return rejected(card.checkWechatPayMemberFunctions()).flatMap(wechatCardId -> lookups.tenant(key.tenantId())
                .flatMap(tenant -> rejected(tenant.checkWechatPay("activating a member of a card upgraded for "
                        + "WeChat Pay")))
                .flatMap(merchant -> fromWechat(pay.activate(merchant, wechatCardId, key.code(),
                        Option.of(number.value())))));
    }

    private Either<Failure, Membership> activateAndOpen(Membership membership, ActivateMembershipCommand command,
                                                        MembershipNumber number, boolean totalsToSync) {
        return rejected(membership.activate(ActivationMethod.API, Option.of(number), clock.now()))
                        .flatMap(change -> rejected(change.membership().openLedger(command.initialPoints(),
                                command.initialBalance(), EntrySource.ACTIVATION, clock.now())))
                        .map(opening -> {
                            Membership saved = save(opening);
                            if (totalsToSync && !opening.entries().isEmpty()) {
                                outbox.resync(saved.key());
                            }
                            events.membershipChanged(Option.of(membership), saved);
                            return saved;
                        });
    }

    @Override
    public Either<Failure, Membership> pull(MembershipKey key) {
        return lookups.membership(key)
                .flatMap(membership -> lookups.card(key.tenantId(), key.cardId()))
                .flatMap(card -> rejected(card.checkOnWechat()))
                .flatMap(wechatCardId -> lookups.account(key.tenantId())
                        .flatMap(account -> fromWechat(wechat.memberInfo(account, wechatCardId, key.code()))))
                .flatMap(info -> unitOfWork.run("membership " + key.code(), () -> lookups.membership(key)
                        .flatMap(fresh -> rejected(recordInfo(fresh, info)).map(change -> {
                            Membership saved = save(Option.of(fresh), change);
                            MemberProfile told = MemberProfile.fromWechat(key, info.openId(), info.nickname(),
                                    info.sex(), answers(info), clock.now());
                            profiles.save(profiles.find(key).map(known -> known.updatedBy(told)).getOrElse(told));
                            events.profileUpdated(saved);
                            return saved;
                        }))));
    }

    private static Map<String, String> answers(MemberInfo info) {
        Map<String, String> answers = new LinkedHashMap<>(info.commonFields());
        answers.putAll(info.customFields());
        return answers;
    }

    /** Records the member's answers; a member WeChat shows as active (they submitted the one-click form) is activated. */
    private Either<Rejection, MembershipChange> recordInfo(Membership membership, MemberInfo info) {
        Either<Rejection, MembershipChange> recorded = membership.memberInfoRecorded(answers(info), info.membershipNumber(),
                clock.now());
        if (info.hasActive() && membership.state() == MembershipState.ISSUED) {
            return recorded.flatMap(change -> change.membership()
                    .activate(ActivationMethod.ONE_CLICK_FORM, info.membershipNumber(), clock.now()));
        }
        return recorded;
    }

    @Override
    public Either<Failure, Membership> invalidate(InvalidateMembershipCommand command) {
        MembershipKey key = command.membership();
        return unitOfWork.run("membership " + key.code(), () -> lookups.membership(key)
                .flatMap(membership -> rejected(membership.invalidate(new Reason(command.reason()), clock.now()))
                        .map(change -> {
                            Membership saved = save(Option.of(membership), change);
                            outbox.membershipChanged(key.tenantId(), change.events());
                            return saved;
                        })));
    }

    /** The member submitted the one-click form: active at once; the answers are read from WeChat afterwards. */
    Either<Failure, Membership> formSubmitted(TenantId tenantId, WechatCardId wechatCardId, Code code) {
        return lookups.cardOnWechat(tenantId, wechatCardId).flatMap(card -> {
            MembershipKey key = new MembershipKey(tenantId, card.id(), code);
            return unitOfWork.run("membership " + code, () -> lookups.membership(key).flatMap(membership -> {
                // Whatever the membership's state, the form's answers are WeChat's to tell: read them afterwards.
                outbox.enqueue(new OutboxTask.PullMemberInfo(tenantId, card.id(), code));
                events.memberInfoSubmitted(membership);
                // A card that hands over after the form (wx_activate_after_submit) is activated by the merchant's
                // page (ActivationPageService), not by the submission.
                if (membership.state() != MembershipState.ISSUED || card.definition().jump().handsOverAfterForm()) {
                    return Either.right(membership);
                }
                return rejected(membership.activate(ActivationMethod.ONE_CLICK_FORM, Option.none(), clock.now()))
                        .map(change -> save(Option.of(membership), change));
            }));
        });
    }

    @Override
    public Either<Failure, Membership> membership(MembershipKey key) {
        return lookups.membership(key);
    }

    @Override
    public Either<Failure, Page<Membership>> memberships(TenantId tenantId, CardId cardId, Option<MembershipState> state,
                                                         PageRequest page) {
        return lookups.card(tenantId, cardId).map(card -> memberships.list(tenantId, cardId, state, page));
    }

    @Override
    public Either<Failure, Page<LedgerEntry>> ledger(MembershipKey key, PageRequest page) {
        return lookups.membership(key).map(membership -> ledger.history(key, page));
    }

    /** The membership first, then the entries that opened its ledger (they refer to it). */
    private Membership save(LedgerOpening opening) {
        Membership saved = memberships.save(opening.membership());
        opening.entries().forEach(entry -> ledger.append(saved.key(), entry));
        return saved;
    }

    private Membership save(MembershipChange change) {
        return change.changed() ? memberships.save(change.membership()) : change.membership();
    }

    /** Saves a change and tells of it (in the same transaction). */
    private Membership save(Option<Membership> before, MembershipChange change) {
        Membership saved = save(change);
        if (change.changed()) {
            events.membershipChanged(before, saved);
        }
        return saved;
    }

    private Either<Failure, Membership> change(MembershipKey key,
                                               Function<Membership, Either<Rejection, MembershipChange>> decision) {
        return unitOfWork.run("membership " + key.code(), () -> lookups.membership(key)
                .flatMap(fresh -> rejected(decision.apply(fresh)).map(change -> save(Option.of(fresh), change))));
    }
}
