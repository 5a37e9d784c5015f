package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.RequestLine;
import java.util.concurrent.CompletableFuture;

/**
 * The Official Account endpoints the outbox keeps many of in flight, as an {@code AsyncFeign} interface: the same
 * requests and answers as {@link OaApi}, answered without holding a thread while WeChat works.
 */
@Headers({"Content-Type: application/json; charset=utf-8", "Accept: application/json"})
interface OaAsyncApi {

    /** Repeat-safe for the reason {@link OaApi#updateUser} is: the request carries the absolute totals. */
    @RepeatSafe
    @RequestLine("POST /card/membercard/updateuser")
    CompletableFuture<OaJson.UpdateUserAnswer> updateUser(OaJson.UpdateUserRequest request);
}
