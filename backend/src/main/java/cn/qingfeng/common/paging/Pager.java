package cn.qingfeng.common.paging;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Runs a {@link ListQuery} as one keyset page: sort parsing, limit bounds, cursors, optional total. */
@ApplicationScoped
public class Pager {

    @Inject
    QingfengConfig config;

    @Inject
    Cursors cursors;

    private record Order<E>(SortField<E> field, boolean descending) {
    }

    /**
     * @param fields     the sort fields this list allows; the last one must be the unique id (tie-breaker)
     * @param defaultSort used when the client gives none, e.g. {@code "-createdAt"}
     */
    public <E> Page<E> page(ListQuery<E> query, PageParams params, List<SortField<E>> fields, String defaultSort) {
        return page(query, params, fields, defaultSort, null);
    }

    /**
     * As above; {@code keptTotal}, when given, answers the total from kept counts (it must count
     * exactly what the query selects). Without it the rows are counted up to the count limit.
     */
    public <E> Page<E> page(ListQuery<E> query, PageParams params, List<SortField<E>> fields, String defaultSort,
                            Supplier<Long> keptTotal) {
        int limit = limit(params.limit);
        List<Order<E>> orders = parseSort(params.sort == null || params.sort.isBlank() ? defaultSort : params.sort, fields);
        String canonical = canonical(orders);

        List<String> extraWhere = new ArrayList<>();
        Map<String, Object> extraParams = new HashMap<>();
        if (params.cursor != null && !params.cursor.isBlank()) {
            List<String> keys = cursors.decode(params.cursor, canonical);
            if (keys.size() != orders.size()) {
                throw ProblemException.badRequest("cursor.invalid", "分页游标无效，请从第一页重新开始");
            }
            extraWhere.add(keysetPredicate(orders, keys, extraParams));
        }
        String orderBy = orders.stream().map(o -> o.field().path() + (o.descending() ? " desc" : " asc"))
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String jpql = "select e from " + query.type.getSimpleName() + " e" + query.whereClause(extraWhere) + " order by " + orderBy;
        List<E> rows = query.query(jpql, query.type, extraParams).setMaxResults(limit + 1).getResultList();

        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            E last = rows.get(limit - 1);
            List<String> keys = new ArrayList<>();
            for (Order<E> o : orders) {
                Object value = o.field().getter().apply(last);
                keys.add(value == null ? null : value.toString());
            }
            next = cursors.encode(canonical, keys);
        }
        if (!params.includeTotal) {
            return new Page<>(rows, next);
        }
        if (keptTotal != null) {
            return new Page<>(rows, next, keptTotal.get(), true);
        }
        // Counting a million rows per request is what made totals cost 100 lists; past the limit
        // nobody pages on, and "more than N" is still true.
        int cap = config.pagination().countLimit();
        long counted = query.countUpTo(cap + 1);
        return new Page<>(rows, next, Math.min(counted, cap), counted <= cap);
    }

    private int limit(Integer requested) {
        if (requested == null) {
            return config.pagination().defaultLimit();
        }
        int max = config.pagination().maxLimit();
        if (requested < 1 || requested > max) {
            throw ProblemException.invalidField("limit", "每页条数须在 1 至 " + max + " 之间");
        }
        return requested;
    }

    private static <E> List<Order<E>> parseSort(String sort, List<SortField<E>> fields) {
        Map<String, SortField<E>> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        SortField<E> tieBreaker = fields.get(fields.size() - 1);
        List<Order<E>> orders = new ArrayList<>();
        for (String part : sort.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty() || name.equals("-") || name.equals("+")) {
                throw ProblemException.invalidField("sort", "排序字段不能为空；可选：" + String.join(", ", byName.keySet()));
            }
            boolean desc = name.startsWith("-");
            name = desc ? name.substring(1) : name.startsWith("+") ? name.substring(1) : name;
            SortField<E> field = byName.get(name);
            if (field == null) {
                throw ProblemException.invalidField("sort", "cannot sort by '" + name + "'; allowed: " + String.join(", ", byName.keySet()));
            }
            if (orders.stream().noneMatch(o -> o.field().equals(field))) {
                orders.add(new Order<>(field, desc));
            }
        }
        if (orders.stream().noneMatch(o -> o.field().equals(tieBreaker))) {
            orders.add(new Order<>(tieBreaker, orders.get(orders.size() - 1).descending()));
        }
        return orders;
    }

    private static <E> String canonical(List<Order<E>> orders) {
        return String.join(",", orders.stream().map(o -> (o.descending() ? "-" : "") + o.field().name()).toList());
    }

    /**
     * (a after k0) or (a = k0 and b after k1) or ..., each comparison following its direction and
     * PostgreSQL's null order (ASC puts nulls last, DESC first), so optional fields (a task's
     * deadline) can be sort keys too.
     */
    private static <E> String keysetPredicate(List<Order<E>> orders, List<String> keys, Map<String, Object> params) {
        if (orders.stream().allMatch(Order::descending) && keys.stream().allMatch(java.util.Objects::nonNull)) {
            // Descending with every key known: one row comparison. The index starts exactly there and
            // the planner estimates it right (the OR chain below made it scan and sort the rest of
            // the table for a page near the end). Nulls sort first descending: already passed.
            List<String> paths = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                paths.add(orders.get(i).field().path());
                names.add(":k" + i);
                params.put("k" + i, parse(orders.get(i).field().type(), keys.get(i)));
            }
            return "((" + String.join(", ", paths) + ") < (" + String.join(", ", names) + "))";
        }
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                String path = orders.get(j).field().path();
                ands.add(keys.get(j) == null ? path + " is null" : path + " = :k" + j);
            }
            Order<E> o = orders.get(i);
            String path = o.field().path();
            String after;
            if (keys.get(i) == null) {
                after = o.descending() ? path + " is not null" : "1 = 0";
            } else {
                after = o.descending() ? path + " < :k" + i : "(" + path + " > :k" + i + " or " + path + " is null)";
            }
            ands.add(after);
            ors.add("(" + String.join(" and ", ands) + ")");
        }
        for (int i = 0; i < orders.size(); i++) {
            if (keys.get(i) != null) {
                params.put("k" + i, parse(orders.get(i).field().type(), keys.get(i)));
            }
        }
        // The OR chain alone cannot start an index range; this bound (implied by it) can.
        String bound = "";
        Order<E> first = orders.get(0);
        if (keys.get(0) != null) {
            bound = first.descending() ? first.field().path() + " <= :k0 and "
                    : "(" + first.field().path() + " >= :k0 or " + first.field().path() + " is null) and ";
        }
        return "(" + bound + "(" + String.join(" or ", ors) + "))";
    }

    private static Object parse(Class<?> type, String value) {
        try {
            if (type == String.class) {
                return value;
            } else if (type == UUID.class) {
                return UUID.fromString(value);
            } else if (type == Long.class) {
                return Long.valueOf(value);
            } else if (type == Integer.class) {
                return Integer.valueOf(value);
            } else if (type == Instant.class) {
                return Instant.parse(value);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(value);
            } else if (type == Boolean.class) {
                return Boolean.valueOf(value);
            }
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor.invalid", "分页游标无效，请从第一页重新开始");
        }
        throw new IllegalArgumentException("unsupported sort type " + type);
    }
}
