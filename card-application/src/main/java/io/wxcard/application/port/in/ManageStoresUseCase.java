package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * The tenant's stores and their QR codes: a store's code hands the card out with the store as {@code outer_str}, so
 * the receipt (and, for a member who already holds the card, the view WeChat opens instead) is the store's.
 */
public interface ManageStoresUseCase {

    Either<Failure, Store> addStore(AddStoreCommand command);

    List<Store> stores(TenantId tenantId);

    Either<Failure, Store> store(TenantId tenantId, StoreId storeId);

    /** Replaces a store's name, address and {@code location_id}; its id, and so its QR codes' {@code outer_str}, stay. */
    Either<Failure, Store> editStore(EditStoreCommand command);

    Either<Failure, StoreQrCode> storeQrCode(StoreQrCodeCommand command);

    /** A store's QR code for a card, and the {@code outer_str} it carries. */
    record StoreQrCode(Store store, String outerStr, QrCode qrCode) {}

    /** @param locationId WeChat's {@code location_id}, where the merchant has one */
    record AddStoreCommand(TenantId tenantId, String name, String address, Option<Long> locationId) {
        public AddStoreCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(locationId, "location_id");
        }
    }

    /** @param locationId WeChat's {@code location_id}, or none to clear it */
    record EditStoreCommand(TenantId tenantId, StoreId storeId, String name, String address, Option<Long> locationId) {
        public EditStoreCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(storeId, "store id");
            Objects.requireNonNull(locationId, "location_id");
        }
    }

    /** @param expireSeconds 60 to 1800, or none for a code to print (WeChat keeps it 365 days) */
    record StoreQrCodeCommand(TenantId tenantId, StoreId storeId, CardId cardId, Option<Integer> expireSeconds) {
        public StoreQrCodeCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(storeId, "store id");
            Objects.requireNonNull(cardId, "card id");
            QrCodeRequest.checkExpireSeconds(expireSeconds);
        }
    }
}
