package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.scope.DataScope;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A ledger whose records plan measures (rectification items, risks). It says which of its records
 * take measures now, in which lifecycle their measures live, and how its officers see them in
 * their to-dos; the measures module does the rest the same way for both.
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

    /** JPQL condition on {@code MeasureEntity m} with its parameters: its owner still works on its measures (for to-dos). */
    ActiveOwner activeOwner();

    /** The to-do kind of an open measure, e.g. {@code rectification.measure}. */
    String todoKind();

    /** Days ahead a measure's deadline shows in the to-dos; null: every open measure with a deadline. */
    Integer todoWindowDays();

    /** Where the measure is shown in the SPA. */
    String link(UUID ownerId, UUID measureId);

    /** A JPQL condition and the parameters it names. */
    record ActiveOwner(String clause, Map<String, Object> params) {
    }

    /** The owner's code, state (code and words) and whether its measures may change now. */
    record OwnerState(String code, String state, String stateLabel, boolean open) {
    }
}
