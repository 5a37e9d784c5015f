package io.wxcard.application.port.in.planted;

import io.wxcard.adapter.rest.RestApi;

/** A planted violation: the application reaching out to an adapter. */
public interface ApplicationThatKnowsAnAdapter {
    RestApi api();
}
