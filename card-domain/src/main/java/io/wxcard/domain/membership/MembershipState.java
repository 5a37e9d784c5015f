package io.wxcard.domain.membership;

/**
 * Where a member's card stands.
 *
 * <pre>
 * ISSUED --activate (API, one-click form, auto, import)--> ACTIVATED
 * ISSUED | ACTIVATED --invalidate (irreversible)--> INVALIDATED
 * ISSUED | ACTIVATED --member deletes it--> DELETED --member restores it--> back where it was
 * ISSUED | ACTIVATED --member sends it to a friend--> GIFTING --it comes back--> back where it was
 * ISSUED | ACTIVATED | GIFTING --the friend accepts it--> GIFTED (for good; the friend's new code is a new membership)
 * </pre>
 */
public enum MembershipState {
    ISSUED,
    ACTIVATED,
    INVALIDATED,
    DELETED,
    GIFTING,
    GIFTED
}
