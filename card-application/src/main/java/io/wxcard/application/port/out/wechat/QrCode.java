package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;

/** WeChat's answer to a QR code request: the ticket, the link it encodes, and a link to the picture. */
public record QrCode(String ticket, String url, String showQrcodeUrl, Option<Integer> expireSeconds) {}
