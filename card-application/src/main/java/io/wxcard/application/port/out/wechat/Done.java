package io.wxcard.application.port.out.wechat;

/** A call that answers nothing but success. */
public enum Done {
    DONE
}
