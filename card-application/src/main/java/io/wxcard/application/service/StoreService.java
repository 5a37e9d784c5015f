package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateQrCodeCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageStoresUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** The tenant's stores, and the QR code of each that brings members to the card as the store's. */
final class StoreService implements ManageStoresUseCase {

    private final StoreStore stores;
    private final DistributeCardUseCase distribution;
    private final Lookups lookups;
    private final Clock clock;
    private final IdGenerator ids;

    StoreService(StoreStore stores, DistributeCardUseCase distribution, Lookups lookups, Clock clock, IdGenerator ids) {
        this.stores = stores;
        this.distribution = distribution;
        this.lookups = lookups;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, Store> addStore(AddStoreCommand command) {
        List<Problem> problems = Store.problems(command.name(), command.address(), command.locationId());
        if (!problems.isEmpty()) {
            return Either.left(new Failure.Rejected(Rejection.invalid(RejectionCode.STORE_INVALID,
                    "the store is not valid", problems)));
        }
        return lookups.tenant(command.tenantId()).map(tenant -> {
            Store store = new Store(command.tenantId(), new StoreId(ids.newId("store")), command.name().strip(),
                    command.address().strip(), command.locationId(), clock.now());
            stores.save(store);
            return store;
        });
    }

    @Override
    public List<Store> stores(TenantId tenantId) {
        return stores.list(tenantId);
    }

    @Override
    public Either<Failure, Store> store(TenantId tenantId, StoreId storeId) {
        return stores.find(tenantId, storeId).toEither(() -> new Failure.NotFound("store " + storeId));
    }

    @Override
    public Either<Failure, Store> editStore(EditStoreCommand command) {
        List<Problem> problems = Store.problems(command.name(), command.address(), command.locationId());
        if (!problems.isEmpty()) {
            return Either.left(new Failure.Rejected(Rejection.invalid(RejectionCode.STORE_INVALID,
                    "the store is not valid", problems)));
        }
        return store(command.tenantId(), command.storeId()).map(current -> {
            Store edited = new Store(current.tenantId(), current.id(), command.name().strip(),
                    command.address().strip(), command.locationId(), current.createdAt());
            stores.save(edited);
            return edited;
        });
    }

    /** A store's code: not unique-code (any member may scan it), the store as {@code outer_str}. */
    @Override
    public Either<Failure, StoreQrCode> storeQrCode(StoreQrCodeCommand command) {
        return stores.find(command.tenantId(), command.storeId())
                .toEither(() -> (Failure) new Failure.NotFound("store " + command.storeId()))
                .flatMap(store -> distribution.createQrCode(new CreateQrCodeCommand(command.tenantId(),
                                command.cardId(), Option.none(), Option.none(), false, Option.of(store.outerStr()),
                                command.expireSeconds()))
                        .map(qr -> new StoreQrCode(store, store.outerStr(), qr)));
    }
}
