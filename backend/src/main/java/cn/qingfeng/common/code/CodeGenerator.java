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
 * rolled-back creation gives its number back.
 */
@ApplicationScoped
public class CodeGenerator {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String prefix, int year) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("code prefix must be 2-8 capital letters: " + prefix);
        }
        Number value = (Number) em.createNativeQuery("insert into code_counter (prefix, year, last_value) values (:p, :y, 1)"
                        + " on conflict (prefix, year) do update set last_value = code_counter.last_value + 1"
                        + " returning last_value")
                .setParameter("p", prefix)
                .setParameter("y", year)
                .getSingleResult();
        return String.format("%s-%d-%04d", prefix, year, value.intValue());
    }
}
