package io.wxcard.adapter.rest;

import io.wxcard.domain.shared.RejectionCode;
import java.util.Locale;

/**
 * The stable kinds of error this API answers, each an RFC 9457 problem type
 * ({@code https://wxcard.dev/problems/<slug>}). Clients branch on the type (or, for business rejections, on the
 * {@code code}); the detail is for people. Never rename a slug.
 */
enum ProblemType {
    MALFORMED_HTTP(400, "malformed-http", "Malformed HTTP request"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    IDEMPOTENCY_KEY_REQUIRED(400, "idempotency-key-required", "Idempotency-Key header required"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONCURRENT_UPDATE(409, "concurrent-update", "Changed by someone else at the same time"),
    MERCHANT_CREDENTIALS_MISSING(409, "merchant-credentials-missing", "WeChat Pay merchant credentials missing"),
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INVALID_INPUT(422, "invalid-input", "Invalid input"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    WECHAT_FAILED(502, "wechat-failed", "WeChat refused the call"),
    WECHAT_UNAVAILABLE(503, "wechat-unavailable", "WeChat is unavailable for now"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "The database is unavailable for now");

    static final String BASE = "https://wxcard.dev/problems/";

    final int status;
    final String slug;
    final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    String uri() {
        return BASE + slug;
    }

    /** The problem type of a business rejection: derived from its code, so every code has a stable type. */
    static String slugOf(RejectionCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String titleOf(RejectionCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Input that breaks the rules is 422; everything else the domain refuses is a conflict with the current state. */
    static int statusOf(RejectionCode code) {
        return switch (code) {
            case CARD_DEFINITION_INVALID, LEDGER_CHANGE_INVALID, IDEMPOTENCY_KEY_REUSED, IMAGE_INVALID, PHONE_INVALID,
                 WEBHOOK_INVALID, ACTIVATION_PARAMETERS_INVALID, CAMPAIGN_INVALID, LEVELS_INVALID,
                 POINTS_RULE_INVALID, NOTICES_INVALID, STATISTICS_RANGE_INVALID, STORE_INVALID, SEGMENT_INVALID -> 422;
            default -> 409;
        };
    }
}
