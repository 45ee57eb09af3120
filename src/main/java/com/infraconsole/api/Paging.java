package com.infraconsole.api;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** page (from 0) and size, capped so that no request reads a whole table. */
final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {}

    static PageRequest of(int page, int size, Sort sort) {
        return PageRequest.of(Math.max(0, page), Math.clamp(size, 1, MAX_SIZE), sort);
    }

    record Page<T>(java.util.List<T> items, int page, int size, long total) {}
}
