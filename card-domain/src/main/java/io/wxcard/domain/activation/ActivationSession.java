package io.wxcard.domain.activation;

import static io.wxcard.domain.shared.RejectionCode.ACTIVATION_SESSION_EXPIRED;
import static io.wxcard.domain.shared.RejectionCode.ACTIVATION_SESSION_REPLAYED;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One visit of a member to the merchant's activation page: what WeChat put on the URL, checked and turned into a
 * membership (the decrypted code) and the form's answers, until the merchant activates it. A session activates its
 * membership at most once; asked again it answers the first activation, unless the membership was invalidated since.
 *
 * @param activateTicket WeChat's ticket for the one-click form's answers (jump-type one-click activation), if any
 * @param formAnswers    what the member typed in WeChat's form, keyed by WeChat's field ids and custom names
 */
public record ActivationSession(ActivationSessionId id, MembershipKey membership, OpenId openId,
                                Option<String> activateTicket, Map<String, String> formAnswers, Instant openedAt,
                                Instant expiresAt, Option<SessionActivation> activation) {

    /**
     * How long the page may take between opening a session and activating: long enough for a member to fill in the
     * merchant's own fields, short enough that a link copied out of WeChat stops working the same day.
     */
    public static final Duration VALID_FOR = Duration.ofMinutes(30);

    public ActivationSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(openId, "openid");
        Objects.requireNonNull(activateTicket, "activate ticket");
        formAnswers = Map.copyOf(formAnswers);
        Objects.requireNonNull(openedAt, "opened at");
        Objects.requireNonNull(expiresAt, "expires at");
        Objects.requireNonNull(activation, "activation");
    }

    /** A session opened now for a membership whose code WeChat decrypted. */
    public static ActivationSession open(ActivationSessionId id, MembershipKey membership, OpenId openId,
                                         Option<String> activateTicket, Map<String, String> formAnswers, Instant now) {
        return new ActivationSession(id, membership, openId, activateTicket, formAnswers, now, now.plus(VALID_FOR),
                Option.none());
    }

    public TenantId tenantId() {
        return membership.tenantId();
    }

    public CardId cardId() {
        return membership.cardId();
    }

    public boolean activated() {
        return activation.isDefined();
    }

    public SessionState state(Instant now) {
        if (activated()) {
            return SessionState.ACTIVATED;
        }
        return now.isBefore(expiresAt) ? SessionState.OPEN : SessionState.EXPIRED;
    }

    /**
     * Whether the page may activate now: a session not yet activated, and not expired. A session that already
     * activated is answered from that activation ({@link #repeatedActivation}) instead.
     */
    public Either<Rejection, ActivationSession> checkActivatable(Instant now) {
        if (!now.isBefore(expiresAt)) {
            return Either.left(Rejection.of(ACTIVATION_SESSION_EXPIRED, "activation session " + id + " expired at "
                    + expiresAt + " (sessions last " + VALID_FOR.toMinutes() + " minutes): open a new one with the "
                    + "parameters of WeChat's next visit to the page"));
        }
        return Either.right(this);
    }

    /**
     * A second activation of a session that already activated: the first one's answer, while the membership still
     * holds it; refused once the merchant invalidated the membership (a replay must not look like a success).
     */
    public Either<Rejection, SessionActivation> repeatedActivation(MembershipState membershipNow) {
        if (activation.isEmpty()) {
            throw new IllegalStateException("session " + id + " has not activated anything yet");
        }
        if (membershipNow == MembershipState.INVALIDATED) {
            return Either.left(Rejection.of(ACTIVATION_SESSION_REPLAYED, "activation session " + id + " activated "
                    + "membership " + membership.code() + " at " + activation.get().activatedAt()
                    + ", which has been invalidated since: the session cannot be used again"));
        }
        return Either.right(activation.get());
    }

    /** The session after its membership was activated. */
    public ActivationSession activatedWith(SessionActivation done) {
        if (activation.isDefined()) {
            throw new IllegalStateException("session " + id + " already activated");
        }
        return new ActivationSession(id, membership, openId, activateTicket, formAnswers, openedAt, expiresAt,
                Option.of(done));
    }
}
