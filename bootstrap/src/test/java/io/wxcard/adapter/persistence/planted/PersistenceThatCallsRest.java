package io.wxcard.adapter.persistence.planted;

import io.wxcard.adapter.rest.RestApi;

/** A planted violation: one adapter reaching into another. */
final class PersistenceThatCallsRest {
    int port(RestApi api) {
        return api.port();
    }
}
