package cn.qingfeng.unit;

/**
 * A kind of record a unit must finish before it can be deactivated (DESIGN.md), as each ledger
 * declares it (a CDI producer field): its entity and when one is still open. The counts are named
 * in the 409 so the admin knows what to close first.
 *
 * @param kind   the kind as the refusal's details name it, e.g. {@code task-assignment}
 * @param label  the kind in words, e.g. 承办事项, as the refusal's message names it
 * @param entity the JPA entity, with a {@code unitId}
 * @param open   JPQL condition on alias {@code e} for an open record, with the parameter {@code :open}
 * @param value  the value of {@code :open}
 */
public record UnitOpenRecords(String kind, String label, Class<?> entity, String open, Object value) {
}
