package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/**
 * A member who holds the card scanned a store's code: WeChat opens the card to them instead of giving a second one
 * and pushes {@code user_view_card} with the store's {@code outer_str}. The visit is the store's.
 */
final class StoreVisits {

    private final Option<StoreStore> stores;
    private final Lookups lookups;

    /** @param stores none where an embedding keeps no stores: views are then only noted */
    StoreVisits(Option<StoreStore> stores, Lookups lookups) {
        this.stores = stores;
        this.lookups = lookups;
    }

    /** Whether this view came through one of our stores' codes and is recorded here. */
    boolean records(WechatEvent.CardViewed viewed) {
        return stores.isDefined() && viewed.outerStr().flatMap(Store::named).isDefined();
    }

    Either<Failure, String> viewed(TenantId tenantId, WechatEvent.CardViewed viewed) {
        var storeId = viewed.outerStr().flatMap(Store::named).get();
        if (stores.get().find(tenantId, storeId).isEmpty()) {
            return Either.right("membership " + viewed.code() + " viewed through a code of store " + storeId
                    + ", which this tenant does not have; recorded");
        }
        return lookups.cardOnWechat(tenantId, viewed.cardId()).map(card -> {
            stores.get().recordVisit(new StoreVisit(tenantId, storeId, card.id(), viewed.code(),
                    Instant.ofEpochSecond(viewed.header().createTime())));
            return "membership " + viewed.code() + " opened the card at store " + storeId + "; visit recorded";
        });
    }
}
