package io.wxcard.adapter.persistence.planted;

import feign.RequestLine;

/** A planted violation: a Feign interface made public. */
public interface PublicFeignApi {
    @RequestLine("GET /cgi-bin/token")
    String token();
}
