package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import java.time.Duration;

/**
 * The WeChat sandbox as a process of its own, started by the drivers: like {@code wechat-sandbox.jar}, plus the
 * settings its command line does not offer (the WeChat Pay rate limit, so that an import can run at what the machine
 * can do rather than at the sandbox's default 100 per second). Accounts are registered through its control API.
 */
public final class SandboxServer {

    private static final String USAGE = """
            usage: java -cp benchmarks.jar io.wxcard.benchmarks.service.SandboxServer [options]
              --port N              port (default 9000)
              --pay-rate-limit N    WeChat Pay calls per second per merchant; 0 = unlimited (default 0)
              --review-delay-ms N   approve cards N ms after submission (default 200)""";

    private SandboxServer() {}

    public static void main(String[] argv) {
        // This module's logback.xml: warnings only, so that the sandbox spends its CPU on answering.
        Args args = Args.parse(argv, USAGE, "port", "pay-rate-limit", "review-delay-ms");
        WechatSandbox sandbox = WechatSandbox.start(SandboxSettings.defaults()
                .withPort(args.integer("port", 9000))
                .withPayRateLimitPerSecond(args.integer("pay-rate-limit", 0))
                .withReviewDelay(Duration.ofMillis(args.integer("review-delay-ms", 200))));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        System.out.println("WeChat sandbox ready at " + sandbox.baseUrl());
    }
}
