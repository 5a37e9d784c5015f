package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.OuterStr;
import io.wxcard.domain.card.PageTitle;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** Hands a card out: a QR code for the store, a landing page, a signed cardExt for JS-SDK {@code addCard}. */
public interface DistributeCardUseCase {

    Either<Failure, QrCode> createQrCode(CreateQrCodeCommand command);

    Either<Failure, LandingPage> createLandingPage(CreateLandingPageCommand command);

    Either<Failure, SignedCardExt> signCardExt(SignCardExtCommand command);

    /**
     * @param expireSeconds 60 to 1800, or none for a permanent code
     * @param outerStr      a channel tag, returned in the {@code user_get_card} push
     */
    record CreateQrCodeCommand(TenantId tenantId, CardId cardId, Option<Code> code, Option<OpenId> openId,
                               boolean uniqueCode, Option<String> outerStr, Option<Integer> expireSeconds) {
        public CreateQrCodeCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            QrCodeRequest.checkExpireSeconds(expireSeconds);
            QrCodeRequest.checkOuterStr(outerStr);
        }
    }

    /** @param scene WeChat's scene, for example {@code SCENE_H5} or {@code SCENE_QRCODE} */
    record CreateLandingPageCommand(TenantId tenantId, CardId cardId, String bannerUrl, String pageTitle,
                                    boolean canShare, String scene, String thumbUrl) {
        public static final java.util.Set<String> SCENES = java.util.Set.of("SCENE_NEAR_BY", "SCENE_MENU",
                "SCENE_QRCODE", "SCENE_ARTICLE", "SCENE_H5", "SCENE_IVR", "SCENE_CARD_CUSTOM_CELL");

        public CreateLandingPageCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            requireUrl(bannerUrl, "banner");
            requireUrl(thumbUrl, "thumb_url");
            PageTitle.require(pageTitle);
            if (!SCENES.contains(scene)) {
                throw new IllegalArgumentException("scene must be one of " + SCENES.stream().sorted().toList());
            }
        }

        private static void requireUrl(String url, String name) {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://")) || url.length() > 256) {
                throw new IllegalArgumentException(name + " must be an http(s) URL of at most 256 characters");
            }
        }
    }

    record SignCardExtCommand(TenantId tenantId, CardId cardId, Option<Code> code, Option<OpenId> openId,
                              Option<Long> fixedBeginTimestamp, Option<String> outerStr) {
        public SignCardExtCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(outerStr, "outer_str");
            outerStr.forEach(OuterStr::require);
        }
    }
}
