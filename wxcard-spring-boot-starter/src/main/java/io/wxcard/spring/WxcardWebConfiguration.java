package io.wxcard.spring;

import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/** WeChat's push endpoint in the application's own Spring MVC server ({@code wxcard.push.*}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "wxcard.push", name = "enabled", matchIfMissing = true)
class WxcardWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WechatPushController wxcardWechatPushController(AcceptWechatPushUseCase pushes, WxcardProperties properties,
                                                    WxcardThreads threads) {
        WxcardProperties.Push push = properties.getPush();
        return new WechatPushController(pushes, threads.pool("wxcard-push", push.getWorkers(), push.getWorkers()),
                push.getTimeout());
    }
}
