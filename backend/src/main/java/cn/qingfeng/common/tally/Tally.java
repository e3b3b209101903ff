package cn.qingfeng.common.tally;

import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the kept counts of V15 (table {@code tally}): exact in every snapshot, because the ledger
 * tables' triggers write them in the changing transaction. One dimension at a time, per unit and
 * value, over whole buckets (months; days for obligations); what a caller may see is the scope's units.
 */
@ApplicationScoped
public class Tally {

    /** The bucket of keys that have no period of their own (the heat map's cells). */
    public static final LocalDate TIMELESS = LocalDate.of(1970, 1, 1);

    /** One kept count: a unit, a value of the dimension asked for, how many. */
    public record Count(UUID unitId, String value, long n) {
    }

    @Inject
    EntityManager em;

    /**
     * Counts of one dimension over the buckets {@code from} to {@code to} (inclusive; null for all:
     * first days of months, or days for obligations), per unit and value, in scope and, when
     * given, of one unit.
     */
    public List<Count> counts(String ledger, String dim, LocalDate from, LocalDate to, DataScope scope, UUID unitId) {
        if (!scope.all() && scope.unitIds().isEmpty() || unitId != null && !scope.contains(unitId)) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select unit_id, val, sum(n) from tally where ledger = :ledger and dim = :dim");
        if (from != null) {
            sql.append(" and bucket >= :from");
        }
        if (to != null) {
            sql.append(" and bucket <= :to");
        }
        if (!scope.all()) {
            sql.append(" and unit_id in (:scopeUnits)");
        }
        if (unitId != null) {
            sql.append(" and unit_id = :unitId");
        }
        sql.append(" group by unit_id, val having sum(n) <> 0");
        Query q = em.createNativeQuery(sql.toString()).setParameter("ledger", ledger).setParameter("dim", dim);
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        if (!scope.all()) {
            q.setParameter("scopeUnits", scope.unitIds());
        }
        if (unitId != null) {
            q.setParameter("unitId", unitId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Count((UUID) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    /**
     * How many records of the ledger are in scope (and of {@code unitId} when given) with {@code dim}
     * = {@code value}, or all of them when {@code value} is null: a list's total without counting rows.
     */
    public long total(String ledger, String dim, String value, DataScope scope, UUID unitId) {
        return counts(ledger, dim, null, null, scope, unitId).stream()
                .filter(c -> value == null || value.equals(c.value())).mapToLong(Count::n).sum();
    }

    /**
     * A list's total from the kept counts when its filters are at most one kept dimension, or the
     * status and one other ({@code dims}: dimension → the value asked for, null when not filtered;
     * V15 keeps each of them alone and paired with "status"), in scope and of {@code unitId} when
     * given; null when the filters ask for more (the rows are counted then).
     */
    public Supplier<Long> listTotal(String ledger, DataScope scope, UUID unitId, Map<String, ?> dims) {
        List<Map.Entry<String, ?>> given = dims.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toList());
        String dim;
        String value;
        if (given.isEmpty()) {
            // Every record has one value of "status": summing it counts each record once.
            dim = "status";
            value = null;
        } else if (given.size() == 1) {
            dim = given.get(0).getKey();
            value = given.get(0).getValue().toString();
        } else if (given.size() == 2 && dims.get("status") != null) {
            Map.Entry<String, ?> other = given.get(0).getKey().equals("status") ? given.get(1) : given.get(0);
            dim = "status+" + other.getKey();
            value = dims.get("status") + " " + other.getValue();
        } else {
            return null;
        }
        return () -> total(ledger, dim, value, scope, unitId);
    }

    /** Folds the delta rows written since the last compaction; answers how many keys it touched. */
    public long compact() {
        return ((Number) em.createNativeQuery("select tally_compact()").getSingleResult()).longValue();
    }

    /** Whether this instance holds the compaction's lock for the transaction (one instance compacts at a time). */
    public boolean lockForCompaction() {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(7105020)").getSingleResult());
    }
}
