package io.wxcard.adapter.wechat;

/**
 * An HTTP answer that is not 2xx, as Feign's error decoder reports it. Carries the status only: Feign's own
 * exceptions name the request URL, which holds the access_token.
 */
final class HttpStatusException extends RuntimeException {
    private final int status;

    HttpStatusException(int status) {
        super("HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
