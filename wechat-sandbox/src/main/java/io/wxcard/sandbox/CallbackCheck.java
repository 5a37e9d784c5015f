package io.wxcard.sandbox;

import java.util.Locale;

/**
 * The outcome of WeChat's server-configuration handshake with an account's callback URL: a GET with
 * {@code signature}, {@code timestamp}, {@code nonce} and {@code echostr}, which the merchant must answer with the
 * {@code echostr} unchanged. The sandbox reports it; pushes are sent whatever it says.
 *
 * @param appId       the account
 * @param callbackUrl the URL checked
 * @param status      {@link Status#CHECKING} while a background check is still retrying, then the result
 * @param detail      what happened, in words (why it failed, or "answered the echostr")
 * @param attempts    how many GETs were sent
 * @param checkedAt   when the last GET was answered or failed (epoch seconds)
 */
public record CallbackCheck(String appId, String callbackUrl, Status status, String detail, int attempts,
                            long checkedAt) {

    public enum Status {
        CHECKING, VERIFIED, FAILED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        return Json.object().put("status", status.json()).put("callback_url", callbackUrl).put("detail", detail)
                .put("attempts", attempts).put("checked_at", checkedAt);
    }
}
