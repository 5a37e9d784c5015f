package io.wxcard.domain.store;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Text;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of a tenant's stores: where members are brought in. Each store hands the card out with a QR code of its own
 * whose {@code outer_str} names the store, so that WeChat's {@code user_get_card} and {@code user_view_card} pushes,
 * which carry that {@code outer_str} back, say which store brought the member.
 *
 * @param locationId WeChat's {@code location_id} (a POI of the account), where the merchant has one
 */
public record Store(TenantId tenantId, StoreId id, String name, String address, Option<Long> locationId,
                    Instant createdAt) {

    /** What every store's {@code outer_str} starts with; the rest is the store's id. */
    public static final String OUTER_STR_PREFIX = "store-";
    public static final int MAX_NAME = 64;
    public static final int MAX_ADDRESS = 256;

    public Store {
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(id, "store id");
        Text.requireText(name, "name", MAX_NAME);
        Text.requireText(address, "address", MAX_ADDRESS);
        Objects.requireNonNull(locationId, "location_id");
        locationId.forEach(location -> {
            if (location <= 0) {
                throw new IllegalArgumentException("location_id must be a positive number, got " + location);
            }
        });
        Objects.requireNonNull(createdAt, "created at");
    }

    /** Every problem of a store's fields at once, named by field (empty when they make a store). */
    public static List<Problem> problems(String name, String address, Option<Long> locationId) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || Text.length(name) > MAX_NAME) {
            problems.add(new Problem("name", "must have 1 to " + MAX_NAME + " characters"));
        }
        if (address == null || address.isBlank() || Text.length(address) > MAX_ADDRESS) {
            problems.add(new Problem("address", "must have 1 to " + MAX_ADDRESS
                    + " characters"));
        }
        locationId.filter(location -> location <= 0).forEach(location -> problems.add(
                new Problem("location_id", "must be a positive number, got " + location)));
        return problems;
    }

    /** The {@code outer_str} of this store's QR codes (WeChat allows {@link io.wxcard.domain.card.OuterStr#MAX_LENGTH} characters; ours stay under 71). */
    public String outerStr() {
        return OUTER_STR_PREFIX + id.value();
    }

    /** The store an {@code outer_str} names, if it is one of ours; other channels' tags name none. */
    public static Option<StoreId> named(String outerStr) {
        if (outerStr == null || !outerStr.startsWith(OUTER_STR_PREFIX)) {
            return Option.none();
        }
        return StoreId.parse(outerStr.substring(OUTER_STR_PREFIX.length()));
    }
}
