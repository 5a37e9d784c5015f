package io.wxcard.domain.card;

/**
 * Where a card stands in its lifecycle.
 *
 * <pre>
 * DRAFT --submit--> UNDER_REVIEW --pass--> APPROVED --first delivery--> ISSUED
 *   ^                  |   ^                   |                          |
 *   +----edit---- REJECTED +--edit WeChat sends back to review-----------+
 * any state except DELETED --delete--> DELETED (members keep the cards they hold)
 * </pre>
 */
public enum CardState {
    DRAFT,
    UNDER_REVIEW,
    REJECTED,
    APPROVED,
    ISSUED,
    DELETED
}
