package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A refusal in WeChat Pay API v3 terms: an HTTP status and {@code {"code","message","detail"}}.
 */
final class PayException extends RuntimeException {
    final int status;
    final String code;
    final ObjectNode detail;

    PayException(int status, String code, String message, ObjectNode detail) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail == null ? Json.object() : detail;
    }

    PayException(int status, String code, String message) {
        this(status, code, message, null);
    }

    static PayException param(String field, String issue) {
        ObjectNode detail = Json.object().put("location", "body").put("field", field).put("issue", issue);
        return new PayException(400, "PARAM_ERROR", "invalid parameter " + field + ": " + issue, detail);
    }

    static PayException sign(String why) {
        return new PayException(401, "SIGN_ERROR", "signature verification failed: " + why);
    }

    ObjectNode body() {
        ObjectNode body = Json.object().put("code", code).put("message", getMessage());
        body.set("detail", detail);
        return body;
    }
}
