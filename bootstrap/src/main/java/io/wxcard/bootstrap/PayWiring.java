package io.wxcard.bootstrap;

import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.application.service.CardServices;

/** WeChat Pay's member functions (membercard-open), from the WeChat adapter: one place for every runtime to take them. */
final class PayWiring {

    private PayWiring() {}

    static CardServices.PayDependencies dependencies(WechatAdapter wechat) {
        return new CardServices.PayDependencies(wechat.payCardUpgrade(), wechat.payPhoneImport(),
                wechat.payNotifications(), wechat.payCallbacks());
    }
}
