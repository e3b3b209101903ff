package cn.qingfeng.common.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The life of one kind of record as a table: its states and, for each action, where it may start,
 * who may take it, what it needs and where it leads ({@link Action}). Declared once per record
 * kind as constants; the {@link Ledger} evaluates any action against it, the same way everywhere.
 *
 * @param <S> the record's states
 * @param <F> the facts its rules read (the record and what it needs loaded with it)
 */
public final class Lifecycle<S extends Enum<S>, F> {

    private final String name;
    private final String entityType;
    private final String label;
    private final Class<S> states;
    private final Function<F, S> stateOf;
    private final Map<S, String> stateLabels;
    private final List<Action<S, F>> actions = new ArrayList<>();
    private String stateField = "status";
    private Function<S, Object> stateValue = Enum::name;

    private Lifecycle(String name, String entityType, String label, Class<S> states, Function<F, S> stateOf,
                      Map<S, String> stateLabels) {
        this.name = name;
        this.entityType = entityType;
        this.label = label;
        this.states = states;
        this.stateOf = stateOf;
        this.stateLabels = new EnumMap<>(stateLabels);
        for (S s : states.getEnumConstants()) {
            if (!this.stateLabels.containsKey(s)) {
                throw new IllegalArgumentException(name + ": no label for state " + s);
            }
        }
    }

    /**
     * @param name        prefixes refusal codes ({@code risk.illegal-transition})
     * @param entityType  the journal's entity type of its events
     * @param label       the record kind in words (zh-CN), for "not found" messages
     * @param stateLabels each state in words (zh-CN), for refusal messages
     */
    public static <S extends Enum<S>, F> Lifecycle<S, F> of(String name, String entityType, String label, Class<S> states,
                                                            Function<F, S> stateOf, Map<S, String> stateLabels) {
        return new Lifecycle<>(name, entityType, label, states, stateOf, stateLabels);
    }

    /** How a change of state shows in the journal when not as {@code status} with the state's code. */
    public Lifecycle<S, F> journalsStateAs(String field, Function<S, Object> value) {
        this.stateField = field;
        this.stateValue = value;
        return this;
    }

    public String stateField() {
        return stateField;
    }

    public Object stateValue(S state) {
        return state == null ? null : stateValue.apply(state);
    }

    public Action.Builder<S, F> action(String name, String label) {
        return new Action.Builder<>(this, name, label, states);
    }

    synchronized void register(Action<S, F> action) {
        if (actions.stream().anyMatch(a -> a.name().equals(action.name()))) {
            throw new IllegalStateException(name + "." + action.name() + " is declared twice");
        }
        actions.add(action);
    }

    public String name() { return name; }
    public String entityType() { return entityType; }
    public String label() { return label; }
    public Class<S> states() { return states; }

    public S stateOf(F facts) {
        return stateOf.apply(facts);
    }

    public String stateLabel(S state) {
        return stateLabels.get(state);
    }

    /** Every action, in the order declared. */
    public List<Action<S, F>> actions() {
        return Collections.unmodifiableList(actions);
    }

    public Action<S, F> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this.name + " has no action " + name));
    }

    @Override
    public String toString() {
        return name;
    }
}
