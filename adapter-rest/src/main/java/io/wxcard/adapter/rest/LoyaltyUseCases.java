package io.wxcard.adapter.rest;

import io.wxcard.application.port.in.ConfigureLoyaltyUseCase;
import io.wxcard.application.port.in.MemberLevelsUseCase;
import io.wxcard.application.port.in.RecordPurchaseUseCase;
import io.wxcard.application.port.in.RunLoyaltyPeriodsUseCase;
import java.util.Objects;

/** The loyalty use cases the HTTP API exposes (issue 17), when bootstrap wires them. */
public record LoyaltyUseCases(ConfigureLoyaltyUseCase configure, RecordPurchaseUseCase purchases,
                              MemberLevelsUseCase levels, RunLoyaltyPeriodsUseCase periods) {
    public LoyaltyUseCases {
        Objects.requireNonNull(configure, "configure");
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(periods, "periods");
    }
}
