package io.wxcard.domain.activation;

/** Where an activation session stands at a given moment. */
public enum SessionState {
    /** The page may activate it. */
    OPEN,
    /** Opened more than {@link ActivationSession#VALID_FOR} ago without activating: a new one must be opened. */
    EXPIRED,
    /** It activated its membership; a repeat is answered from that. */
    ACTIVATED
}
