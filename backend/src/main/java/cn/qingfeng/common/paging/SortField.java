package cn.qingfeng.common.paging;

import java.util.function.Function;

/**
 * A field a list may be sorted by: its public name, its JPQL path, its Java type (to read a
 * cursor back) and how to take its value from an entity. Values may be null (sorted as
 * PostgreSQL does: last ascending, first descending); the last field of a list must be unique.
 */
public record SortField<E>(String name, String path, Class<?> type, Function<E, Object> getter) {
}
