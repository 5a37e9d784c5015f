package io.wxcard.adapter.persistence;

import io.wxcard.domain.imports.ImportJob;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.Update;

/**
 * The stores' Jdbi, and the one place its errors become what the ports promise ({@link SqlFailures}). A store call
 * runs on the handle Jdbi has bound to the thread, so inside {@link JdbiTransactions#inTransaction} it joins the
 * caller's transaction; outside one it gets a handle (and, for {@link #inTransaction}, a transaction) of its own.
 */
final class Sql {

    private final Jdbi jdbi;
    private final Vendor vendor;

    Sql(DataSource dataSource, Vendor vendor) {
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
        // Statement errors name no bound values: they may be credentials.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        UtcInstants.register(jdbi);
        // The rows every points change reads are mapped by hand, column by name: a ConstructorMapper is specialised
        // again for every result set, which costs more than the query on the hot path.
        jdbi.registerRowMapper(MembershipRow.class, MembershipRow::read);
        jdbi.registerRowMapper(CardRow.class, CardRow::read);
        jdbi.registerRowMapper(LedgerEntryRow.class, LedgerEntryRow::read);
        jdbi.registerRowMapper(OutboxRow.class, OutboxRow::read);
        for (Class<?> row : new Class<?>[] {TenantRow.class, InboxRow.class, ImportJobRow.class, StagedRow.class,
                ImportJob.Counts.class}) {
            jdbi.registerRowMapper(rowsOf(row));
        }
    }

    /**
     * Maps a row record by its canonical constructor, columns to components by name ({@code open_id} to
     * {@code openId}). The rows are package-private (technology types stay in the adapter), so Jdbi needs leave to
     * call the constructor.
     */
    private static RowMapperFactory rowsOf(Class<?> row) {
        Constructor<?> canonical = row.getDeclaredConstructors()[0]; // a record without others has only that one
        canonical.setAccessible(true);
        return ConstructorMapper.factory(canonical);
    }

    /**
     * A row record's components by name ({@code openId} for {@code :openId}), for {@code bindMap}: Jdbi's
     * {@code bindMethods} binds only public classes, and the rows are package-private. The hot rows bind themselves
     * ({@code bindTo}); the accessors of the others are looked up once per record class.
     */
    static Map<String, Object> components(Record row) {
        Map<String, Object> values = new HashMap<>();
        ACCESSORS.get(row.getClass()).forEach((name, accessor) -> {
            try {
                values.put(name, accessor.invoke(row));
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException("cannot read " + name + " of a row", impossible);
            }
        });
        return values;
    }

    /** Each record class's accessors by component name, made accessible once. */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> record) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.put(component.getName(), accessor);
            }
            return Map.copyOf(accessors);
        }
    };

    Jdbi jdbi() {
        return jdbi;
    }

    Vendor vendor() {
        return vendor;
    }

    /**
     * One statement (or reads that need no transaction) on the thread's handle.
     *
     * @param what what is written or read, for error messages (never a secret); built only when one is needed
     */
    <T> T withHandle(Supplier<String> what, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException failure) {
            throw SqlFailures.translate(failure, what.get());
        }
    }

    /** Several statements that land together: in the caller's transaction, or in one of their own. */
    <T> T inTransaction(Supplier<String> what, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException failure) {
            throw SqlFailures.translate(failure, what.get());
        }
    }

    /**
     * Runs an {@code INSERT} unless a row with one of its unique keys is stored, answering whether it inserted. A
     * taken key is never an error that would spoil the enclosing transaction: PostgreSQL, which refuses every later
     * statement of a transaction after a failed one, is told {@code ON CONFLICT DO NOTHING}; H2 and MariaDB undo only a
     * failed statement, so their duplicate-key error is taken as "not inserted". Other errors (a broken foreign key)
     * are thrown.
     */
    boolean insertUnlessPresent(Handle handle, String insert, Supplier<String> what,
                                UnaryOperator<Update> binder) {
        String sql = vendor == Vendor.POSTGRESQL ? insert + " ON CONFLICT DO NOTHING" : insert;
        try {
            return binder.apply(handle.createUpdate(sql)).execute() == 1;
        } catch (JdbiException failure) {
            if (vendor != Vendor.POSTGRESQL && SqlFailures.isDuplicateKey(failure)) {
                return false;
            }
            throw SqlFailures.translate(failure, what.get());
        }
    }
}
