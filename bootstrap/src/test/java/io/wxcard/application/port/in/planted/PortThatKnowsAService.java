package io.wxcard.application.port.in.planted;

import io.wxcard.application.service.CardServices;

/** A planted violation: a port that reaches for the services implementing it. */
public interface PortThatKnowsAService {
    CardServices services();
}
