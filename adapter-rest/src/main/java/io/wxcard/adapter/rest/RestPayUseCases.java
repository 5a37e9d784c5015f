package io.wxcard.adapter.rest;

import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase;
import java.util.Objects;

/** The use cases of WeChat Pay's member functions (membercard-open) the HTTP API exposes. */
public record RestPayUseCases(UpgradeCardForWechatPayUseCase upgradeCard) {
    public RestPayUseCases {
        Objects.requireNonNull(upgradeCard, "upgradeCard");
    }
}
