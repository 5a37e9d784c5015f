package io.wxcard.application.testing;

import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import java.util.List;

final class InMemoryPaging {
    private InMemoryPaging() {}

    static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.limit(), all.size());
        return new Page<>(all.subList(from, to), all.size(), request);
    }
}
