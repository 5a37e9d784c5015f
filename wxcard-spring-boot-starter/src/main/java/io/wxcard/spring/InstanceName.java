package io.wxcard.spring;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This instance's name in leases: {@code wxcard.instance-id}, or {@code <host>-<pid>} as bootstrap names it. */
final class InstanceName {

    private static final int MAX_LENGTH = io.wxcard.adapter.wechat.WechatSettings.MAX_INSTANCE_ID;

    private InstanceName() {}

    static String of(WxcardProperties properties) {
        String configured = properties.getInstanceId();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "host";
        }
        String name = host.replaceAll("[^A-Za-z0-9_.-]", "") + "-" + ProcessHandle.current().pid();
        return name.length() <= MAX_LENGTH ? name : name.substring(name.length() - MAX_LENGTH);
    }
}
