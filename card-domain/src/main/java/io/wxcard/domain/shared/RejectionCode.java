package io.wxcard.domain.shared;

/** The stable codes of every business rejection. Clients branch on these names; never rename one. */
public enum RejectionCode {
    // input
    CARD_DEFINITION_INVALID,
    LEDGER_CHANGE_INVALID,
    IDEMPOTENCY_KEY_REUSED,
    /** Not a phone number (issue 15's look-ups and profiles). */
    PHONE_INVALID,
    /** A webhook whose URL may not be called, or that asks for no known event type. */
    WEBHOOK_INVALID,
    /** A picture WeChat would not take for a card: not JPG/PNG, or over 1 MB. */
    IMAGE_INVALID,
    /** Member levels that overlap or lack a base (issue 17 item 1). */
    LEVELS_INVALID,
    /** A points rule that could round a purchase to no or negative points (issue 17 item 2). */
    POINTS_RULE_INVALID,
    /** Notice settings that name no usable template or link (issue 17 item 3). */
    NOTICES_INVALID,

    // card lifecycle
    CARD_NOT_EDITABLE,
    CARD_NOT_SUBMITTABLE,
    CARD_NOT_UNDER_REVIEW,
    CARD_NOT_ON_WECHAT,
    CARD_NOT_DISTRIBUTABLE,
    CARD_DELETED,
    CARD_ACTIVATION_MODE_MISMATCH,
    CARD_DOES_NOT_OFFER_POINTS,
    CARD_DOES_NOT_OFFER_STORED_VALUE,
    /** WeChat Pay's member functions (membercard-open) need the card upgraded first (issue 14 item 3). */
    CARD_NOT_UPGRADED_FOR_WECHAT_PAY,
    /** The card is upgraded under another WeChat Pay brand; an upgrade is never undone or moved. */
    CARD_UPGRADED_UNDER_ANOTHER_BRAND,

    // membership lifecycle
    MEMBERSHIP_ALREADY_ACTIVATED,
    MEMBERSHIP_NOT_ACTIVATED,
    MEMBERSHIP_INVALIDATED,
    MEMBERSHIP_DELETED_BY_MEMBER,
    MEMBERSHIP_NOT_DELETED,
    MEMBERSHIP_CARD_MISMATCH,
    /** The member is giving the card to a friend (WeChat: GIFTING, 40127 for every call on the code). */
    MEMBERSHIP_BEING_GIFTED,
    /** The member gave the card to a friend: WeChat changed its code, the old one no longer exists. */
    MEMBERSHIP_GIFTED,

    // tenant
    TENANT_HAS_NO_MERCHANT_CREDENTIALS,

    // console operators
    SIGN_IN_REFUSED,
    OPERATOR_LOCKED_OUT,
    OPERATOR_NOT_ALLOWED,
    OPERATOR_PASSWORD_TOO_SHORT,
    OPERATOR_NAME_TAKEN,

    // ledger
    POINTS_WOULD_GO_NEGATIVE,
    BALANCE_WOULD_GO_NEGATIVE,
    /** A total above what WeChat holds ({@link io.wxcard.domain.ledger.WechatRange}). */
    POINTS_WOULD_EXCEED_WECHAT_RANGE,
    BALANCE_WOULD_EXCEED_WECHAT_RANGE,

    // stores, segments, messages, statistics (issue 17)
    /** A store without a name or address, or with a location_id that is not a positive number. */
    STORE_INVALID,
    /** A segment whose name cannot be a WeChat tag's, or whose criteria select nobody by construction. */
    SEGMENT_INVALID,
    /** A segment on a level when the card has no levels to read. */
    SEGMENT_LEVELS_UNAVAILABLE,
    /** A mass send of a card not previewed first. */
    MASS_SEND_NOT_PREVIEWED,
    /** A mass send to a segment whose members had WeChat's monthly number of mass messages already. */
    MASS_SEND_MONTHLY_CAP_REACHED,
    /** A mass send to a segment not yet synced to a WeChat tag. */
    SEGMENT_NOT_SYNCED,
    /** A date range WeChat's card statistics refuse (more than 62 days, reversed, in the future). */
    STATISTICS_RANGE_INVALID,
    // activation pages (issue 20)
    /** What WeChat put on the activation page's URL does not hold together (tampered, another account's, stale). */
    ACTIVATION_PARAMETERS_INVALID,
    /** The activation session was opened too long ago; open a new one from WeChat's link. */
    ACTIVATION_SESSION_EXPIRED,
    /** The session's membership was invalidated after the session activated it; the session cannot be replayed. */
    ACTIVATION_SESSION_REPLAYED,

    // gift-on-joining campaigns (issue 20)
    CAMPAIGN_INVALID,
    /** An import of existing members of the card is running or has failures nobody looked at. */
    CAMPAIGN_BLOCKED_BY_IMPORT,
    /** WeChat Pay's member-card activities need a card upgraded for WeChat Pay. */
    CAMPAIGN_CARD_NOT_UPGRADED,
    /** Another campaign of the card covers the same amounts at the same time. */
    CAMPAIGN_OVERLAPS,
    CAMPAIGN_NOT_RUNNING,
}
