package cn.qingfeng.common.paging;

import java.util.function.Function;

/**
 * A field a list may be sorted by: its public name, its JPQL path, its Java type (to read a
 * cursor back) and how to take its value from an entity. Sort fields must be non-null.
 */
public record SortField<E>(String name, String path, Class<?> type, Function<E, Object> getter) {
}
