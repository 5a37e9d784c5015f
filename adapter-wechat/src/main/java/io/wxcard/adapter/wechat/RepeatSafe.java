package io.wxcard.adapter.wechat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint of a Feign interface whose repeat is harmless and answers the same, so that a failure which
 * leaves it open whether WeChat applied the call (errcode -1, HTTP 5xx, a read timeout, a broken connection, an
 * unreadable answer) may be retried. {@link Retries} reads it; the interface is the one place that decides.
 *
 * <p>Without it an endpoint is still retried when the request never reached WeChat (connection refused, connect
 * timeout). Token errors are retried once with a fresh token on every endpoint; quota, permission and every other
 * errcode never.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RepeatSafe {}
