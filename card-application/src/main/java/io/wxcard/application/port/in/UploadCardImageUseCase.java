package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Uploads a logo or background to WeChat and answers the URL to put in {@code logo_url} / {@code background_pic_url}:
 * WeChat takes no picture from another host. A picture that is not JPG/PNG or is over 1 MB is refused before any
 * call ({@code IMAGE_INVALID}, naming the field {@code buffer}).
 */
public interface UploadCardImageUseCase {

    Either<Failure, WechatImageUrl> upload(UploadCardImageCommand command);

    /** @param picture the file's bytes, as received */
    record UploadCardImageCommand(TenantId tenantId, byte[] picture) {
        public UploadCardImageCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(picture, "picture");
        }
    }
}
