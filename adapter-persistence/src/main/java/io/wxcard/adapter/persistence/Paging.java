package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** One page of a listing: its rows ({@code LIMIT/OFFSET}, which all three databases read alike) and the total. */
final class Paging {

    private Paging() {}

    /**
     * @param from   what follows {@code SELECT columns} and {@code SELECT COUNT(*)}: {@code FROM ... WHERE ...}
     * @param order  the {@code ORDER BY} clause, which must make the order total so pages neither skip nor repeat
     * @param binder binds the parameters {@code from} names
     */
    static <R, T> Page<T> page(Handle handle, String columns, String from, String order, Consumer<Query> binder,
                               Class<R> rows, Function<R, T> toItem, PageRequest request) {
        Query count = handle.createQuery("SELECT COUNT(*) " + from);
        binder.accept(count);
        long total = count.mapTo(Long.class).one();
        String page = "SELECT " + columns + " " + from + " " + order + " LIMIT :limit OFFSET :offset";
        Query select = handle.createQuery(page)
                .bind("limit", request.limit())
                .bind("offset", request.offset());
        binder.accept(select);
        List<T> items = select.mapTo(rows).map(toItem::apply).list();
        return new Page<>(items, total, request);
    }
}
