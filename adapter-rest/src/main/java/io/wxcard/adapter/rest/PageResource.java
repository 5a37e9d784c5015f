package io.wxcard.adapter.rest;

import io.wxcard.application.port.out.store.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a listing: the items, how many there are in all, and where this page starts. */
record PageResource<T>(List<T> items, long total, int offset, int limit) {

    static <D, T> PageResource<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResource<>(page.items().stream().map(mapper).toList(), page.total(), page.request().offset(),
                page.request().limit());
    }
}
