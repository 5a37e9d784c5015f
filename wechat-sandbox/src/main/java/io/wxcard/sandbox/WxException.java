package io.wxcard.sandbox;

/**
 * A refusal in the Official Account API's own terms: an {@code errcode} and an {@code errmsg}, answered with HTTP 200
 * as WeChat does. Thrown by the state and the handlers, turned into JSON in one place ({@link OaEndpoint}).
 */
final class WxException extends RuntimeException {
    final int errcode;

    WxException(int errcode, String errmsg) {
        super(errmsg, null, false, false); // no stack trace: these are answers, not failures of the sandbox
        this.errcode = errcode;
    }

    String errmsg() {
        return getMessage();
    }

    static WxException missingField(String field) {
        return new WxException(41011, "missing required fields: " + field);
    }

    static WxException tooLong(String field, int length, int max) {
        return new WxException(45021, "field size out of limit: " + field + " has " + length
                + " characters, at most " + max + " allowed");
    }

    static WxException invalidArgs(String why) {
        return new WxException(40097, "invalid args: " + why);
    }

    static WxException cardStatus(String why) {
        return new WxException(40078, "invalid card status: " + why);
    }

    static WxException invalidCode(String code) {
        return new WxException(40056, "invalid serial code: " + code);
    }

    static WxException dataFormat(String why) {
        return new WxException(47001, "data format error: " + why);
    }
}
