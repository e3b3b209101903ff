package cn.qingfeng.common.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One action of a lifecycle, as data: the states it may start from, the roles that may take it,
 * the rules it needs, the state it leads to and the journal event it writes, and the API
 * operations that serve it (whose documented roles come from here).
 */
public final class Action<S extends Enum<S>, F> {

    /** How a caller reaches an action. */
    public enum Kind {
        /** On an existing record: scope (404), then role (403), version (412), state and rules (409). */
        RECORD,
        /** Makes a new record: only the role is checked (the unit's scope by the service). */
        CREATION,
        /** The server's own transition (a side effect or scheduled work): no caller, never offered. */
        INTERNAL
    }

    private final Lifecycle<S, F> lifecycle;
    private final String name;
    private final String label;
    private final Kind kind;
    private final Set<S> from;
    private final Set<String> roles;
    private final List<Precondition<F>> requires;
    private final S to;
    private final List<String> events;
    private final Refusal stateRefusal;
    private final List<String> operations;
    private final boolean versioned;
    private final boolean touches;

    private Action(Builder<S, F> b) {
        this.lifecycle = b.lifecycle;
        this.name = b.name;
        this.label = b.label;
        this.kind = b.kind;
        this.from = Collections.unmodifiableSet(b.from);
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(b.roles));
        this.requires = List.copyOf(b.requires);
        this.to = b.to;
        this.events = List.copyOf(b.events);
        this.stateRefusal = b.stateRefusal;
        this.operations = List.copyOf(b.operations);
        this.versioned = b.versioned;
        this.touches = b.touches;
    }

    public Lifecycle<S, F> lifecycle() { return lifecycle; }
    public String name() { return name; }
    /** The action in words (zh-CN), for refusal messages. */
    public String label() { return label; }
    public Kind kind() { return kind; }
    public Set<S> from() { return from; }
    public Set<String> roles() { return roles; }
    public List<Precondition<F>> requires() { return requires; }
    /** The state the action leads to; null when it stays. */
    public S to() { return to; }
    /** The journal action it records; null when another part journals it (e.g. the upload itself). */
    public String event() { return events.isEmpty() ? null : events.get(0); }
    /** Every journal action it may record: the usual one first, then those of its variants and side effects. */
    public List<String> events() { return events; }
    /** The API operations (operationId) that take this action. */
    public List<String> operations() { return operations; }
    /** Whether it needs If-Match (412 stale, 428 missing). */
    public boolean versioned() { return versioned; }
    /** Whether taking it marks the record changed (a new version); false for actions that only add beside it. */
    public boolean touches() { return touches; }

    public boolean permits(Set<String> callerRoles) {
        return roles.stream().anyMatch(callerRoles::contains);
    }

    /** The code it answers with from a state it does not start from. */
    public String stateRefusalCode() {
        return stateRefusal != null ? stateRefusal.code() : lifecycle.name() + ".illegal-transition";
    }

    /** Why not from this state; empty when the state allows it. */
    Optional<Refusal> stateRefusal(S state) {
        if (kind == Kind.CREATION || from.contains(state)) {
            return Optional.empty();
        }
        String message = stateRefusal != null ? stateRefusal.message()
                : "当前状态（" + lifecycle.stateLabel(state) + "）不能" + label;
        return Optional.of(new Refusal(stateRefusalCode(), message, java.util.Map.of("from", state.name(), "action", name)));
    }

    /** The first rule that does not hold. */
    Optional<Refusal> ruleRefusal(F facts, Caller caller, boolean withDetails) {
        return refusal(facts, caller, withDetails, null);
    }

    /** As {@link #ruleRefusal}, among the rules that stand for a state ({@code true}) or the others. */
    Optional<Refusal> ruleRefusal(F facts, Caller caller, boolean withDetails, boolean ofState) {
        return refusal(facts, caller, withDetails, ofState);
    }

    private Optional<Refusal> refusal(F facts, Caller caller, boolean withDetails, Boolean ofState) {
        for (Precondition<F> p : requires) {
            if (ofState != null && p.ofState() != ofState) {
                continue;
            }
            Optional<Refusal> r = p.check(facts, caller, withDetails);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return lifecycle.name() + "." + name;
    }

    /** Builds an action and registers it with its lifecycle ({@link #add()}). */
    public static final class Builder<S extends Enum<S>, F> {
        private final Lifecycle<S, F> lifecycle;
        private final String name;
        private final String label;
        private Kind kind = Kind.RECORD;
        private final Set<S> from;
        private final Set<String> roles = new LinkedHashSet<>();
        private final List<Precondition<F>> requires = new ArrayList<>();
        private S to;
        private final List<String> events = new ArrayList<>();
        private Refusal stateRefusal;
        private final List<String> operations = new ArrayList<>();
        private boolean versioned;
        private boolean touches = true;

        Builder(Lifecycle<S, F> lifecycle, String name, String label, Class<S> states) {
            this.lifecycle = lifecycle;
            this.name = name;
            this.label = label;
            this.from = EnumSet.noneOf(states);
        }

        @SafeVarargs
        public final Builder<S, F> from(S... states) {
            from.addAll(List.of(states));
            return this;
        }

        public Builder<S, F> from(Set<S> states) {
            from.addAll(states);
            return this;
        }

        /** From every state. */
        public Builder<S, F> fromAny() {
            from.addAll(EnumSet.allOf(lifecycle.states()));
            return this;
        }

        public Builder<S, F> by(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        @SafeVarargs
        public final Builder<S, F> requires(Precondition<F>... rules) {
            requires.addAll(List.of(rules));
            return this;
        }

        public Builder<S, F> to(S state) {
            this.to = state;
            return this;
        }

        /** The journal event it writes; further ones for its variants (e.g. an edit after issue). */
        public Builder<S, F> records(String... events) {
            this.events.addAll(List.of(events));
            return this;
        }

        /** A refusal of its own when the state does not allow it (instead of {@code <ledger>.illegal-transition}). */
        public Builder<S, F> refusedInOtherStates(String code, String message) {
            this.stateRefusal = Refusal.of(code, message);
            return this;
        }

        public Builder<S, F> serves(String... operationIds) {
            operations.addAll(List.of(operationIds));
            return this;
        }

        public Builder<S, F> versioned() {
            this.versioned = true;
            return this;
        }

        /**
         * The action adds something beside the record (an urge, a progress report, a flag) and
         * leaves the record as it is: its version stays, so others' If-Match still hold.
         */
        public Builder<S, F> addsOnly() {
            this.touches = false;
            return this;
        }

        public Builder<S, F> creation() {
            this.kind = Kind.CREATION;
            return this;
        }

        public Builder<S, F> internal() {
            this.kind = Kind.INTERNAL;
            return this;
        }

        public Action<S, F> add() {
            if (kind != Kind.INTERNAL && roles.isEmpty()) {
                throw new IllegalStateException(lifecycle.name() + "." + name + " names no role");
            }
            if (kind == Kind.RECORD && from.isEmpty()) {
                throw new IllegalStateException(lifecycle.name() + "." + name + " names no state it starts from");
            }
            Action<S, F> action = new Action<>(this);
            lifecycle.register(action);
            return action;
        }
    }
}
