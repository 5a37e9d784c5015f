package io.wxcard.adapter.rest;

import io.wxcard.application.port.in.AcceptWechatPayNotificationUseCase;
import io.wxcard.application.port.in.ImportMemberByPhoneUseCase;
import io.wxcard.application.port.in.ReadWechatPayMembershipQuery;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase;
import java.util.Objects;

/** The use cases of WeChat Pay's member functions (membercard-open) the HTTP API exposes. */
public record RestPayUseCases(UpgradeCardForWechatPayUseCase upgradeCard, ImportMemberByPhoneUseCase importByPhone,
                              AcceptWechatPayNotificationUseCase notifications,
                              ReadWechatPayMembershipQuery readMembership) {
    public RestPayUseCases {
        Objects.requireNonNull(upgradeCard, "upgradeCard");
        Objects.requireNonNull(importByPhone, "importByPhone");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(readMembership, "readMembership");
    }
}
