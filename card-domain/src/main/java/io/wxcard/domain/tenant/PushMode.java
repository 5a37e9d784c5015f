package io.wxcard.domain.tenant;

/** How WeChat sends this account's pushes: signed plain XML, or AES-encrypted ("safe mode"). */
public enum PushMode {
    PLAIN,
    SAFE
}
