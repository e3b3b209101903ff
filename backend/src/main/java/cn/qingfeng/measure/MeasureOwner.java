package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.scope.DataScope;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A ledger whose records plan measures (rectification items, risks). It says which of its records
 * take measures now and in which lifecycle their measures live; the measures module does the rest
 * the same way for both (the to-dos a measure makes are the owner's flow rules').
 */
public interface MeasureOwner {

    MeasureOwnerType type();

    /** The lifecycle of this owner's measures and its actions ({@link MeasureLifecycles}). */
    MeasureLifecycles.Measures measures();

    default Lifecycle<MeasureStatus, MeasureFacts> lifecycle() {
        return measures().lifecycle();
    }

    /** The owner record's unit, if it exists within the scope; empty answers 404. */
    Optional<UUID> unitOf(UUID ownerId, DataScope scope);

    /** Each owner's code, state and whether its measures may change now. */
    Map<UUID, OwnerState> states(Collection<UUID> ownerIds);

    /** A measure of the owner became open again (added or reopened). */
    void measureOpened(UUID ownerId);

    /** The owner's code, state (code and words) and whether its measures may change now. */
    record OwnerState(String code, String state, String stateLabel, boolean open) {
    }
}
