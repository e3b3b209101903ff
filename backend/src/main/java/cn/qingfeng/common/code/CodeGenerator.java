package cn.qingfeng.common.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/**
 * Human codes such as {@code RW-2026-0001}, {@code ZG-2026-0007}, {@code FX-2026-0012}: per prefix
 * and year, numbered from 1. The counter row is locked by the upsert until the creating
 * transaction ends, so concurrent creators (on any instance) never get the same number, and a
 * rolled-back creation gives its number back. Long work that creates many records (a bulk
 * import) reserves a block of numbers first, in a transaction of its own, so that it does not
 * hold the counter (and every other creator of that ledger) for its whole length; a failed
 * import leaves its block unused.
 */
@ApplicationScoped
public class CodeGenerator {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

    @Inject
    EntityManager em;

    @Inject
    CodeReservations reservations;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String prefix, int year) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("code prefix must be 2-8 capital letters: " + prefix);
        }
        if (io.quarkus.arc.Arc.container().requestContext().isActive() && reservations.blockSize() > 0) {
            java.util.OptionalLong reserved = reservations.take(prefix, year);
            if (reserved.isEmpty()) {
                reserve(prefix, year, reservations.blockSize());
                reserved = reservations.take(prefix, year);
            }
            return format(prefix, year, reserved.getAsLong());
        }
        Number value = (Number) em.createNativeQuery("insert into code_counter (prefix, year, last_value) values (:p, :y, 1)"
                        + " on conflict (prefix, year) do update set last_value = code_counter.last_value + 1"
                        + " returning last_value")
                .setParameter("p", prefix)
                .setParameter("y", year)
                .getSingleResult();
        return format(prefix, year, value.longValue());
    }

    /**
     * From now on in this request context, numbers come from blocks of {@code size} reserved in
     * transactions of their own: the counter is held for a moment per block, not for the length of
     * the work. {@link #giveBack} returns what the last blocks left unused.
     */
    public void reserveInBlocks(int size) {
        reservations.blockSize(size);
    }

    /** Returns the unused tail of each block to its counter, when nobody has counted past it since (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack() {
        reservations.unused((prefix, year, first, last) -> em.createNativeQuery(
                        "update code_counter set last_value = :first - 1 where prefix = :p and year = :y and last_value = :last")
                .setParameter("first", first).setParameter("last", last).setParameter("p", prefix).setParameter("y", year).executeUpdate());
        reservations.blockSize(0);
    }

    private void reserve(String prefix, int year, int count) {
        if (count <= 0) {
            return;
        }
        long last = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "insert into code_counter (prefix, year, last_value) values (:p, :y, :n)"
                                + " on conflict (prefix, year) do update set last_value = code_counter.last_value + :n"
                                + " returning last_value")
                .setParameter("p", prefix).setParameter("y", year).setParameter("n", count).getSingleResult()).longValue());
        reservations.add(prefix, year, last - count + 1, last);
    }

    private static String format(String prefix, int year, long value) {
        return String.format("%s-%d-%04d", prefix, year, value);
    }
}
