package io.wxcard.domain.membership;

/**
 * Where a member's card stands.
 *
 * <pre>
 * ISSUED --activate (API, one-click form, auto, import)--> ACTIVATED
 * ISSUED | ACTIVATED --invalidate (irreversible)--> INVALIDATED
 * ISSUED | ACTIVATED --member deletes it--> DELETED --member restores it--> back where it was
 * </pre>
 */
public enum MembershipState {
    ISSUED,
    ACTIVATED,
    INVALIDATED,
    DELETED
}
