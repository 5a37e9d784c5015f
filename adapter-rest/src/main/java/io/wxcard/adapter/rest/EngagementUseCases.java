package io.wxcard.adapter.rest;

import io.wxcard.application.port.in.ManageSegmentsUseCase;
import io.wxcard.application.port.in.ManageStoresUseCase;
import io.wxcard.application.port.in.SendCardMessagesUseCase;
import java.util.Objects;

/** The stores, segments and card messages the HTTP API exposes (issue 17 items 4 and 6), when bootstrap wires them. */
public record EngagementUseCases(ManageStoresUseCase stores, ManageSegmentsUseCase segments,
                                 SendCardMessagesUseCase messages) {
    public EngagementUseCases {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(messages, "messages");
    }
}
