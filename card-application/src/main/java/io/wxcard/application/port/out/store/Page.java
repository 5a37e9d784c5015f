package io.wxcard.application.port.out.store;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, with the total count so callers can page on. */
public record Page<T>(List<T> items, long total, PageRequest request) {
    public Page {
        items = List.copyOf(items);
    }

    public <U> Page<U> map(Function<T, U> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
