package cn.qingfeng.common.ledger;

import cn.qingfeng.common.scope.DataScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A ledger's records as the kernel reads them: its lifecycle, the record within a caller's scope,
 * and the facts its preconditions look at, loaded for many records at once (a list page's
 * {@code allowedActions} cost one query per fact, not one per row). Each ledger's repository
 * implements it.
 */
public interface RecordKind<S extends Enum<S>, E extends LedgerRecord<S>, F> {

    Lifecycle<S, F> lifecycle();

    /** The record if it exists within the scope (locked for the change when asked). */
    Optional<E> find(UUID id, DataScope scope, boolean lock);

    /** The facts of each record, in the order given. */
    List<F> facts(List<E> records);

    default F facts(E record) {
        return facts(List.of(record)).get(0);
    }
}
