package io.wxcard.application.contract.wechat;

import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.domain.tenant.MerchantCredentials;

/**
 * What the WeChat contracts run against: the four ports of one implementation, an account whose cards only the current
 * test creates, a WeChat Pay merchant bound to that account, and the {@link WechatTestControl} that plays WeChat's
 * side. Runners make a fresh one per test.
 */
public record WechatContractSubject(WechatCardCatalog catalog, WechatCardDistribution distribution,
                                    WechatMemberCards members, WechatMemberImport memberImport, WechatAccount account,
                                    MerchantCredentials merchant, WechatTestControl control) {}
