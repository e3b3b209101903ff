package cn.qingfeng.common.paging;

import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.time.AppClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A filtered JPQL list over one entity. It is created with the caller's {@link DataScope} and the
 * path of the entity's unit, so the scope predicate is part of every list query by construction.
 */
public final class ListQuery<E> {

    final EntityManager em;
    final Class<E> type;
    final List<String> where = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();

    private ListQuery(EntityManager em, Class<E> type) {
        this.em = em;
        this.type = type;
    }

    /** A list restricted to the records whose unit ({@code unitPath}, e.g. {@code e.unitId}) is in scope. */
    public static <E> ListQuery<E> scoped(EntityManager em, Class<E> type, DataScope scope, String unitPath) {
        ListQuery<E> q = new ListQuery<>(em, type);
        if (!scope.all()) {
            if (scope.unitIds().isEmpty()) {
                q.where.add("1 = 0");
            } else {
                q.where.add(unitPath + " in :scopeUnits");
                q.params.put("scopeUnits", scope.unitIds());
            }
        }
        return q;
    }

    /**
     * A list restricted by a scope condition of its own, for records whose unit is reached
     * through another entity; {@code condition} uses the parameter {@code :scopeUnits}.
     */
    public static <E> ListQuery<E> scopedBy(EntityManager em, Class<E> type, DataScope scope, String condition) {
        ListQuery<E> q = new ListQuery<>(em, type);
        if (!scope.all()) {
            if (scope.unitIds().isEmpty()) {
                q.where.add("1 = 0");
            } else {
                q.where.add("(" + condition + ")");
                q.params.put("scopeUnits", scope.unitIds());
            }
        }
        return q;
    }

    /** A list over records that belong to no unit; callers restrict access by role instead. */
    public static <E> ListQuery<E> unscoped(EntityManager em, Class<E> type) {
        return new ListQuery<>(em, type);
    }

    /** Adds a condition in terms of alias {@code e}, with one named parameter. */
    public ListQuery<E> where(String clause, String param, Object value) {
        where.add(clause);
        params.put(param, value);
        return this;
    }

    /** Adds a condition with several named parameters. */
    public ListQuery<E> where(String clause, Map<String, Object> values) {
        where.add(clause);
        params.putAll(values);
        return this;
    }

    /** Adds a condition without parameters, e.g. {@code e.removedAt is null}. */
    public ListQuery<E> where(String clause) {
        where.add(clause);
        return this;
    }

    /** Adds the condition only when the filter value was given (non-null, non-blank). */
    public ListQuery<E> whereIf(Object value, String clause, String param) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return this;
        }
        return where(clause, param, value);
    }

    /**
     * Records of one unit ({@code unitPath}, e.g. {@code e.unitId}), or with {@code subtree} of the
     * unit and every unit below it: the "unit subtree" statistics count and drill into.
     */
    public ListQuery<E> unit(String unitPath, UUID unitId, Boolean subtree) {
        if (unitId == null) {
            return this;
        }
        if (Boolean.TRUE.equals(subtree)) {
            return where(unitPath + " in (select d.id from UnitEntity d, UnitEntity r where r.id = :unitId"
                    + " and d.path like concat(r.path, '%'))", "unitId", unitId);
        }
        return where(unitPath + " = :unitId", "unitId", unitId);
    }

    /**
     * An instant ({@code path}) on the days {@code from}–{@code to} (either may be open) in
     * Asia/Shanghai: the office's calendar decides which month or quarter a moment belongs to.
     */
    public ListQuery<E> onDays(String path, LocalDate from, LocalDate to, String param) {
        String c = days(path, from, to, param);
        if (!c.isEmpty()) {
            where(c.substring(" and ".length()));
        }
        return this;
    }

    /**
     * The same condition as a fragment {@code " and …"} for a subquery's where clause (empty when
     * neither end is given); its parameters are this query's.
     */
    public String days(String path, LocalDate from, LocalDate to, String param) {
        StringBuilder c = new StringBuilder();
        if (from != null) {
            c.append(" and ").append(path).append(" >= :").append(param).append("From");
            params.put(param + "From", from.atStartOfDay(AppClock.ZONE).toInstant());
        }
        if (to != null) {
            c.append(" and ").append(path).append(" < :").append(param).append("To");
            params.put(param + "To", to.plusDays(1).atStartOfDay(AppClock.ZONE).toInstant());
        }
        return c.toString();
    }

    /** Case-insensitive "contains" over several string paths, e.g. code and name. */
    public ListQuery<E> search(String text, String... paths) {
        if (text == null || text.isBlank()) {
            return this;
        }
        List<String> ors = new ArrayList<>();
        for (String path : paths) {
            ors.add("lower(" + path + ") like :search");
        }
        where.add("(" + String.join(" or ", ors) + ")");
        params.put("search", "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return this;
    }

    /**
     * Counts over the same filters and scope, e.g. a heat map: {@code select <select> ... group by
     * <groupBy>} with alias {@code e}; rows as the select list gives them.
     */
    public List<Object[]> grouped(String select, String groupBy) {
        return grouped(select, groupBy, Map.of());
    }

    /** As {@link #grouped(String, String)}, with parameters the select list uses (e.g. conditional counts). */
    public List<Object[]> grouped(String select, String groupBy, Map<String, Object> selectParams) {
        return query("select " + select + " from " + type.getSimpleName() + " e" + whereClause(List.of())
                + " group by " + groupBy, Object[].class, selectParams).getResultList();
    }

    /** Every matching row, e.g. the few records opened from one origin (not for lists a user pages through). */
    public List<E> all(String orderBy) {
        return query("select e from " + type.getSimpleName() + " e" + whereClause(List.of()) + " order by " + orderBy,
                type, Map.of()).getResultList();
    }

    /** The first {@code limit} matching rows, e.g. the most urgent to-dos (not for lists a user pages through). */
    public List<E> first(String orderBy, int limit) {
        return query("select e from " + type.getSimpleName() + " e" + whereClause(List.of()) + " order by " + orderBy,
                type, Map.of()).setMaxResults(limit).getResultList();
    }

    /** The ids of up to {@code limit} matching rows, in no particular order (e.g. the sources a report cites). */
    public List<UUID> ids(int limit) {
        return query("select e.id from " + type.getSimpleName() + " e" + whereClause(List.of()), UUID.class, Map.of())
                .setMaxResults(limit).getResultList();
    }

    /** Whether any row matches. */
    public boolean exists() {
        return !query("select 1 from " + type.getSimpleName() + " e" + whereClause(List.of()), Integer.class, Map.of())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** How many rows match (for small sets: it counts them all). */
    public long count() {
        return query("select count(e) from " + type.getSimpleName() + " e" + whereClause(List.of()), Long.class, Map.of())
                .getSingleResult();
    }

    /** How many rows match, counting no further than {@code limit}. */
    public long countUpTo(int limit) {
        return query("select 1 from " + type.getSimpleName() + " e" + whereClause(List.of()), Integer.class, Map.of())
                .setMaxResults(limit).getResultList().size();
    }

    String whereClause(List<String> extra) {
        List<String> all = new ArrayList<>(where);
        all.addAll(extra);
        return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }

    <R> TypedQuery<R> query(String jpql, Class<R> result, Map<String, Object> extraParams) {
        TypedQuery<R> q = em.createQuery(jpql, result);
        params.forEach(q::setParameter);
        extraParams.forEach(q::setParameter);
        return q;
    }
}
