package io.wxcard.application.port.out.wechat;

/** A landing page WeChat made: its link and id. */
public record LandingPage(String url, long pageId) {}
