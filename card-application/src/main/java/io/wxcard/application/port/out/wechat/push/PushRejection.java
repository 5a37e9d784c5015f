package io.wxcard.application.port.out.wechat.push;

/** Why a push was refused. The detail names the problem, never a key or token. */
public record PushRejection(Reason reason, String detail) {

    public enum Reason {
        /** The signature (or msg_signature) does not match, or is missing. */
        BAD_SIGNATURE,
        /** The timestamp is outside the replay window. */
        STALE_TIMESTAMP,
        /** A plain push to a safe-mode account, or the other way round. */
        WRONG_MODE,
        /** Decrypted, but for another appid. */
        WRONG_APPID,
        /** A DOCTYPE, entity or XInclude in the XML. */
        UNSAFE_XML,
        /** Larger than the size limit. */
        TOO_LARGE,
        /** Not XML, bad padding, a length field that does not fit, a missing field, ... */
        MALFORMED
    }
}
