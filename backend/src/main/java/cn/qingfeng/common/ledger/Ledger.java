package cn.qingfeng.common.ledger;

import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.integration.oa.OaUserDirectory;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one guard of every ledger action, and the one place a transition is recorded. The order of
 * the checks is stated here and nowhere else: out of scope → 404, role → 403, stale version → 412,
 * state or a precondition → 409 with its code.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    CurrentUser user;

    @Inject
    CallerScope scope;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    @Inject
    OaUserDirectory oaUsers;

    /**
     * Enters an action on an existing record: finds it within the caller's scope (locked), then
     * checks role, version (when {@code expectedVersion} is given), state and rules.
     *
     * @return the record's facts, for the service to act on
     */
    public <S extends Enum<S>, E extends LedgerRecord<S>, F> F enter(RecordKind<S, E, F> kind, Action<S, F> action,
                                                                     UUID id, Long expectedVersion) {
        return enter(kind, action, id, expectedVersion, true);
    }

    /**
     * The same checks for an action that changes something beside the record (a file of it), so the
     * record is not locked.
     */
    public <S extends Enum<S>, E extends LedgerRecord<S>, F> F check(RecordKind<S, E, F> kind, Action<S, F> action, UUID id) {
        return enter(kind, action, id, null, false);
    }

    private <S extends Enum<S>, E extends LedgerRecord<S>, F> F enter(RecordKind<S, E, F> kind, Action<S, F> action, UUID id,
                                                                      Long expectedVersion, boolean lock) {
        if (action.lifecycle() != kind.lifecycle() || action.kind() != Action.Kind.RECORD) {
            throw new IllegalArgumentException(action + " is not an action on a " + kind.lifecycle() + " record");
        }
        E record = kind.find(id, scope.current(), lock).orElseThrow(() -> ProblemException.notFound(kind.lifecycle().label()));
        Caller caller = caller();
        requireRole(action, caller);
        if (expectedVersion != null) {
            ETags.check(expectedVersion, record.version());
        }
        F facts = kind.facts(record);
        refusal(action, facts, caller, true).ifPresent(r -> {
            throw r.problem();
        });
        return facts;
    }

    /**
     * The guard's answer for a record within scope at the expected version: 403 for a role that may
     * not take the action, else 409 with the state's or the first failing rule's code; empty when
     * the action may be taken. (Scope and version come before, in {@link #enter}.)
     */
    public static <S extends Enum<S>, F> Optional<ProblemException> decide(Action<S, F> action, F facts, Caller caller) {
        if (!action.permits(caller.roles())) {
            return Optional.of(forbidden(action));
        }
        return refusal(action, facts, caller, true).map(Refusal::problem);
    }

    /** Enters the making of a new record: the role only (the service checks the unit it names). */
    public void enter(Action<?, ?> creation) {
        if (creation.kind() != Action.Kind.CREATION) {
            throw new IllegalArgumentException(creation + " is not a creation");
        }
        requireRole(creation, caller());
    }

    /**
     * Records a taken action: its journal event (with the state change, when it has one) in the
     * change's transaction, the new state and the record's time of change.
     */
    public <S extends Enum<S>> void record(Action<S, ?> action, LedgerRecord<S> record, Changes changes) {
        record(action, action.event(), record, changes);
    }

    /** As {@link #record(Action, LedgerRecord, Changes)}, with one of the events the action declares. */
    public <S extends Enum<S>> void record(Action<S, ?> action, String event, LedgerRecord<S> record, Changes changes) {
        if (event != null && !action.events().contains(event)) {
            throw new IllegalArgumentException(action + " does not declare the event " + event);
        }
        S to = action.to();
        if (to != null && to != record.state()) {
            Lifecycle<S, ?> l = action.lifecycle();
            changes.field(l.stateField(), l.stateValue(record.state()), l.stateValue(to));
            record.moveTo(to, clock.instant());
        } else if (action.touches()) {
            record.touch(clock.instant());
        }
        if (action.kind() == Action.Kind.CREATION) {
            // A record the OA made for one of its users (X-OA-User) names that person.
            oaUsers.onBehalfOf().ifPresent(person -> changes.set("onBehalfOf", person));
        }
        if (event != null) {
            journal.record(event, action.lifecycle().entityType(), record.journalId(), record.journalUnitId(), changes);
        }
    }

    /** What the caller may do on a record now: every action their role permits, enabled or with why not. */
    public <S extends Enum<S>, F> List<AllowedAction> allowed(Lifecycle<S, F> lifecycle, F facts) {
        return allowed(lifecycle, facts, caller());
    }

    /** {@link #allowed(Lifecycle, Object)} for a given caller. */
    public static <S extends Enum<S>, F> List<AllowedAction> allowed(Lifecycle<S, F> lifecycle, F facts, Caller caller) {
        List<AllowedAction> out = new ArrayList<>();
        for (Action<S, F> a : lifecycle.actions()) {
            if (a.kind() != Action.Kind.RECORD || !a.permits(caller.roles())) {
                continue;
            }
            Optional<Refusal> state = a.stateRefusal(lifecycle.stateOf(facts))
                    .or(() -> a.ruleRefusal(facts, caller, false, true));
            if (state.isPresent()) {
                out.add(AllowedAction.blocked(a.name(), AllowedAction.Blocked.STATE, state.get()));
                continue;
            }
            Optional<Refusal> rule = a.ruleRefusal(facts, caller, false, false);
            out.add(rule.map(r -> AllowedAction.blocked(a.name(), AllowedAction.Blocked.RULE, r))
                    .orElseGet(() -> AllowedAction.enabled(a.name())));
        }
        return out;
    }

    /** Why the action cannot be taken on these facts by this caller now; empty when it can. Role aside. */
    static <S extends Enum<S>, F> Optional<Refusal> refusal(Action<S, F> action, F facts, Caller caller, boolean withDetails) {
        Optional<Refusal> state = action.stateRefusal(action.lifecycle().stateOf(facts));
        return state.isPresent() ? state : action.ruleRefusal(facts, caller, withDetails);
    }

    private static void requireRole(Action<?, ?> action, Caller caller) {
        if (!action.permits(caller.roles())) {
            throw forbidden(action);
        }
    }

    private static ProblemException forbidden(Action<?, ?> action) {
        return new ProblemException(403, "forbidden", "Forbidden", "你的角色无权" + action.label());
    }

    /** The current caller; the server itself outside a request. */
    Caller caller() {
        if (!Arc.container().requestContext().isActive() || !user.authenticated()) {
            return Caller.SYSTEM;
        }
        return new Caller(user.subject(), user.roles());
    }
}
