package cn.qingfeng.common.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.access.ApiAccess;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.measure.MeasureEntity;
import cn.qingfeng.measure.MeasureFacts;
import cn.qingfeng.measure.MeasureStatus;
import cn.qingfeng.rectification.RectificationEnums;
import cn.qingfeng.rectification.RectificationFacts;
import cn.qingfeng.rectification.RectificationItemEntity;
import cn.qingfeng.rectification.RectificationLifecycle;
import cn.qingfeng.risk.RiskEntity;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.risk.RiskFacts;
import cn.qingfeng.risk.RiskLifecycle;
import cn.qingfeng.task.AssignmentEntity;
import cn.qingfeng.task.AssignmentLifecycle;
import cn.qingfeng.task.TaskEntity;
import cn.qingfeng.task.TaskEnums;
import cn.qingfeng.task.TaskLifecycle;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitFacts;
import cn.qingfeng.unit.UnitLifecycle;
import cn.qingfeng.unit.UnitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The guard over every lifecycle table, without a server: every action × every state × every
 * role answers as the table says — 403 for a role it does not name, 409 with the state's code
 * from a state it does not start from, each rule's own 409 code when only that rule fails, and
 * allowed otherwise — and {@code allowedActions} shows exactly that. A rule added to a table
 * without a case here fails the test.
 */
class LifecycleGuardTest {

    private static final String ME = "tester";

    /** Facts of a record in a state with every rule holding, and facts breaking exactly one rule (by code). */
    private record Fixture<S extends Enum<S>, F>(Lifecycle<S, F> lifecycle, Function<S, F> holding,
                                                 Map<String, Function<S, F>> breaking) {
    }

    private static final List<Fixture<?, ?>> FIXTURES = List.of(
            new Fixture<>(TaskLifecycle.TASK, LifecycleGuardTest::task, Map.of()),
            new Fixture<>(AssignmentLifecycle.ASSIGNMENT, LifecycleGuardTest::assignment, Map.of()),
            new Fixture<>(RectificationLifecycle.ITEM, s -> item(s, 2, 0, 1, "someone else"), Map.of(
                    "rectification.measures-open", s -> item(s, 2, 1, 1, "someone else"),
                    "rectification.no-evidence", s -> item(s, 2, 0, 0, "someone else"),
                    "rectification.self-verification", s -> item(s, 2, 0, 1, ME))),
            new Fixture<>(RiskLifecycle.RISK, s -> risk(s, RiskEnums.Level.GENERAL, RiskEnums.Level.LOW, 1, 0, 2), Map.of(
                    "risk.not-graded", s -> risk(s, null, null, 1, 0, 2),
                    "risk.matrix-current", s -> risk(s, RiskEnums.Level.GENERAL, RiskEnums.Level.LOW, 1, 0, 1),
                    "risk.no-measures", s -> risk(s, RiskEnums.Level.GENERAL, RiskEnums.Level.LOW, 0, 0, 2),
                    "risk.measures-open", s -> risk(s, RiskEnums.Level.GENERAL, RiskEnums.Level.LOW, 1, 1, 2),
                    "risk.no-residual", s -> risk(s, RiskEnums.Level.GENERAL, null, 1, 0, 2))),
            new Fixture<>(RectificationLifecycle.MEASURES.lifecycle(), s -> measure(s, true),
                    Map.of("rectification.illegal-transition", s -> measure(s, false))),
            new Fixture<>(RiskLifecycle.MEASURES.lifecycle(), s -> measure(s, true),
                    Map.of("risk.illegal-transition", s -> measure(s, false))),
            new Fixture<>(UnitLifecycle.UNIT, s -> unit(s, false, 0, true, Set.of()), Map.of(
                    "unit.is-root", s -> unit(s, true, 0, true, Set.of()),
                    "unit.has-active-children", s -> unit(s, false, 1, true, Set.of()),
                    "unit.has-open-records", s -> unit(s, false, 0, true, Set.of("风险")),
                    "unit.parent-inactive", s -> unit(s, false, 0, false, Set.of()))));

    @Test
    void everyLifecycleTheApiServesHasAFixture() {
        List<Object> covered = FIXTURES.stream().<Object>map(Fixture::lifecycle).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(ApiAccess.LIFECYCLES));
    }

    @Test
    void everyActionFromEveryStateByEveryRole() {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (Fixture<?, ?> f : FIXTURES) {
            cases += check(f, mismatches);
        }
        assertThat(mismatches).isEmpty();
        assertThat(cases).isGreaterThan(1000);
    }

    @Test
    void measuresOfAShutRecordAreOfferedAsBlockedByState() {
        for (var measures : List.of(RectificationLifecycle.MEASURES.lifecycle(), RiskLifecycle.MEASURES.lifecycle())) {
            List<AllowedAction> shut = Ledger.allowed(measures, measure(MeasureStatus.OPEN, false), new Caller(ME, Set.of(Roles.SUPERVISOR)));
            assertThat(shut).as(measures.name()).filteredOn(a -> !a.action().equals("attach")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.blocked()).isEqualTo(AllowedAction.Blocked.STATE));
        }
    }

    private static <S extends Enum<S>, F> int check(Fixture<S, F> fixture, List<String> mismatches) {
        int cases = 0;
        Lifecycle<S, F> l = fixture.lifecycle();
        for (Action<S, F> action : l.actions()) {
            if (action.kind() != Action.Kind.RECORD) {
                continue;
            }
            for (S state : l.states().getEnumConstants()) {
                for (String role : Roles.ALL) {
                    Caller caller = new Caller(ME, Set.of(role));
                    String expected = !action.roles().contains(role) ? "403 forbidden"
                            : !action.from().contains(state) ? "409 " + action.stateRefusalCode() : "allowed";
                    cases += expect(mismatches, action + " from " + state + " by " + role, expected,
                            Ledger.decide(action, fixture.holding().apply(state), caller));
                    cases += expectListed(mismatches, l, action, fixture.holding().apply(state), caller, expected);
                    if (!expected.equals("allowed")) {
                        continue;
                    }
                    for (Precondition<F> rule : action.requires()) {
                        Function<S, F> breaking = fixture.breaking().get(rule.code());
                        if (breaking == null) {
                            mismatches.add(l + ": no fixture breaking the rule " + rule.code());
                            continue;
                        }
                        cases += expect(mismatches, action + " from " + state + " by " + role + " breaking " + rule.code(),
                                "409 " + rule.code(), Ledger.decide(action, breaking.apply(state), caller));
                        // A rule standing for another record's state hides the button, as a state does; others grey it.
                        AllowedAction.Blocked kind = Ledger.allowed(l, breaking.apply(state), caller).stream()
                                .filter(a -> a.action().equals(action.name())).findFirst().map(AllowedAction::blocked).orElse(null);
                        AllowedAction.Blocked want = rule.ofState() ? AllowedAction.Blocked.STATE : AllowedAction.Blocked.RULE;
                        if (kind != want) {
                            mismatches.add(action + " breaking " + rule.code() + " listed as " + kind + " (want " + want + ")");
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static int expect(List<String> mismatches, String what, String expected, Optional<ProblemException> answer) {
        String actual = answer.map(p -> p.status() + " " + p.code()).orElse("allowed");
        if (!actual.equals(expected)) {
            mismatches.add(what + ": " + actual + " (want " + expected + ")");
        }
        answer.ifPresent(p -> {
            if (p.getMessage() == null || p.getMessage().isBlank() || p.getMessage().matches("[\\x00-\\x7F]*")) {
                mismatches.add(what + ": the refusal says nothing in Chinese: " + p.getMessage());
            }
        });
        return 1;
    }

    /** allowedActions: absent for a role the action does not name; enabled, or blocked with the same code. */
    private static <S extends Enum<S>, F> int expectListed(List<String> mismatches, Lifecycle<S, F> l, Action<S, F> action,
                                                          F facts, Caller caller, String expected) {
        Optional<AllowedAction> listed = Ledger.allowed(l, facts, caller).stream()
                .filter(a -> a.action().equals(action.name())).findFirst();
        String actual = listed.map(a -> a.enabled() ? "allowed" : "409 " + a.reasonCode()).orElse("403 forbidden");
        if (!actual.equals(expected)) {
            mismatches.add(action + " in allowedActions for " + caller.roles() + ": " + actual + " (want " + expected + ")");
        }
        return 1;
    }

    // ---------------------------------------------------------------- facts in a state

    private static TaskEntity task(TaskEnums.Status s) {
        TaskEntity t = new TaskEntity();
        t.status = s;
        return t;
    }

    private static AssignmentEntity assignment(TaskEnums.AssignmentStatus s) {
        AssignmentEntity a = new AssignmentEntity();
        a.status = s;
        return a;
    }

    private static RectificationFacts item(RectificationEnums.Status s, int measures, int open, long evidence, String appliedBy) {
        RectificationItemEntity i = new RectificationItemEntity();
        i.status = s;
        i.appliedBy = appliedBy;
        return new RectificationFacts(i, measures, open, evidence);
    }

    private static RiskFacts risk(RiskEnums.Status s, RiskEnums.Level level, RiskEnums.Level residual, int measures, int open,
                                  int currentMatrix) {
        RiskEntity r = new RiskEntity();
        r.status = s;
        r.level = level;
        r.matrixVersion = level == null ? null : 1;
        r.residualLevel = residual;
        return new RiskFacts(r, measures, open, currentMatrix);
    }

    private static MeasureFacts measure(MeasureStatus s, boolean ownerOpen) {
        MeasureEntity m = new MeasureEntity();
        m.status = s;
        return new MeasureFacts(m, "IN_PROGRESS", "整改中", ownerOpen);
    }

    private static UnitFacts unit(UnitState s, boolean root, long activeChildren, boolean parentActive, Set<String> open) {
        UnitEntity u = new UnitEntity();
        u.active = s == UnitState.ACTIVE;
        u.parentId = root ? null : UUID.randomUUID();
        return new UnitFacts(u, activeChildren, parentActive, open, () -> open.isEmpty() ? Map.of() : Map.of("risk", 1L));
    }
}
