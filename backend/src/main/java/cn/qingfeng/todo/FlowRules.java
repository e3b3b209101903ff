package cn.qingfeng.todo;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A ledger's rules of its matters ("flows") whose work waits on people: which flows a journal event
 * touches, and where a flow stands now (its state and the steps it waits on). The unified to-dos are
 * derived from these alone; each ledger states its rules once, here.
 */
public interface FlowRules {

    /** The flows' record type, e.g. {@code task_assignment}: the to-dos' {@code flowType}. */
    String flowType();

    /** The ledger in the to-do list's filter: {@code task}, {@code rectification} or {@code risk}. */
    String ledger();

    /** The kind of matter in words (Weaver {@code workflowname}), e.g. 督办任务. */
    String flowName();

    /** The journal entity types whose events may touch this ledger's flows. */
    Set<String> entityTypes();

    /**
     * The flows an event on one of {@link #entityTypes()} touches; empty, and without a query, for
     * events that cannot change a flow (a draft created, progress reported).
     */
    Collection<UUID> touched(FlowEvent event);

    /** The flow as it stands now; empty when there is no such record. */
    Optional<Flow> flow(UUID flowId);

    /**
     * Open records that have no flow yet (a database from before the to-do records), in id order
     * after {@code after} (a keyset: each batch starts where the last ended), at most {@code limit}.
     */
    List<UUID> withoutFlow(UUID after, int limit);

    /** The nil id, before every other in PostgreSQL's order: the start of {@link #withoutFlow}'s walk. */
    UUID FIRST = new UUID(0, 0);

    /** A journal event as the rules see it. */
    record FlowEvent(String action, String entityType, String entityId) {
    }

    /** OPEN: work goes on; FINISHED 办结 for everyone; CANCELLED: withdrawn from everyone still at it. */
    enum FlowState { OPEN, FINISHED, CANCELLED }

    /**
     * A flow now.
     *
     * @param recheckOn the day time alone may change its steps (a deadline passes, a step comes into
     *                  view); null when only a change of the record can
     */
    record Flow(FlowState state, String title, String link, UUID unitId, List<Step> steps, LocalDate recheckOn) {

        public static Flow finished(String title, String link, UUID unitId) {
            return new Flow(FlowState.FINISHED, title, link, unitId, List.of(), null);
        }

        public static Flow cancelled(String title, String link, UUID unitId) {
            return new Flow(FlowState.CANCELLED, title, link, unitId, List.of(), null);
        }
    }

    /**
     * One thing the flow waits on, and from whom.
     *
     * @param kind        what is asked, a stable code, e.g. {@code assignment.accept}
     * @param role        who is asked: holders of this realm role ({@code unit_officer}, {@code supervisor})
     * @param unitId      of that unit or a unit above it; null: every holder of the role
     * @param due         its deadline, may be null
     * @param name        the step in words (Weaver {@code nodename}), e.g. 签收
     * @param visibleFrom asked only from this day (null: at once)
     * @param link        where to do it, when not the flow's own page
     */
    record Step(String kind, String role, UUID unitId, LocalDate due, String name, LocalDate visibleFrom, String link) {

        public static Step of(String kind, String role, UUID unitId, LocalDate due, String name) {
            return new Step(kind, role, unitId, due, name, null, null);
        }

        public Step visibleFrom(LocalDate day) {
            return new Step(kind, role, unitId, due, name, day, link);
        }

        public Step linkTo(String path) {
            return new Step(kind, role, unitId, due, name, visibleFrom, path);
        }
    }
}
