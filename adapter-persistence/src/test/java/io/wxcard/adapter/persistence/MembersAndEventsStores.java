package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.EventStoreContract;
import io.wxcard.application.contract.MemberProfileStoreContract;
import io.wxcard.application.contract.WebhookStoreContract;
import io.wxcard.application.testing.StoreSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contracts of issue 15's stores (profiles and look-ups, events, webhooks), run on each database by the three
 * classes below; kept apart from {@code H2StoresTest} and its siblings so that the stores of other work merge cleanly.
 */
abstract class MembersAndEventsStores extends OnOneDatabase {

    @Nested
    class Profiles extends MemberProfileStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Events extends EventStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    /** The look-ups by phone, unionid, openid and membership number each have their index (V5), on every database. */
    @Test
    void the_member_look_ups_are_indexed() throws Exception {
        assertThat(indexes("member_profiles")).contains("ix_member_profiles_phone", "ix_member_profiles_union");
        assertThat(indexes("memberships")).contains("ix_memberships_tenant_open_id", "ix_memberships_tenant_number");
        assertThat(indexes("events")).contains("ix_events_tenant", "ix_events_unplaced");
        assertThat(indexes("webhook_deliveries")).contains("ix_webhook_deliveries_order", "ix_webhook_deliveries_due");
    }

    private Set<String> indexes(String table) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = running().connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), name, false,
                        false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return names;
    }
}
