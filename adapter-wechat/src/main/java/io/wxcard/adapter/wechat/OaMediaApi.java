package io.wxcard.adapter.wechat;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.form.FormData;

/**
 * WeChat's picture upload for cards, {@code /cgi-bin/media/uploadimg}: a multipart form whose one part, {@code buffer},
 * is the file (feign-form's {@code FormEncoder} writes it). Apart from {@link OaApi} because its body is not JSON.
 */
interface OaMediaApi {

    /**
     * Repeat-safe: a repeat stores a second copy of the same picture and answers another URL, which serves it just as
     * well; nothing else changes on WeChat.
     */
    @RepeatSafe
    @RequestLine("POST /cgi-bin/media/uploadimg")
    @Headers({"Content-Type: multipart/form-data", "Accept: application/json"})
    OaJson.UploadImageAnswer uploadImage(@Param("buffer") FormData buffer);
}
