package cn.qingfeng.todo;

import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.todo.FlowRules.Flow;
import cn.qingfeng.todo.FlowRules.FlowState;
import cn.qingfeng.todo.FlowRules.Step;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitRepository;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Brings the to-do records in line with their flows: the receivers a flow's steps name now against
 * the to-dos stored for it, each change of a to-do journaled as one {@code todo.*} event with its
 * snapshot. A flow's row is locked while it is reconciled, so its to-dos change in turns.
 */
@ApplicationScoped
public class TodoReconciler {

    /** A flow as stored: what its to-dos are made of. */
    record StoredFlow(String type, UUID id, FlowState state, String title, String flowName, String link, UUID unitId,
                      LocalDate recheckOn) {
    }

    /** What one receiver is asked in one flow now. */
    record Expected(String subject, String username, List<String> kinds, String stepName, LocalDate due,
                    LocalDate visibleFrom, String link) {
    }

    /** A person as the matching reads them. */
    record Person(String subject, String username, Set<String> roles, UUID unitId) {
    }

    @Inject
    EntityManager em;

    @Inject
    Instance<FlowRules> allRules;

    @Inject
    Journal journal;

    @Inject
    Warnings warnings;

    @Inject
    Clock clock;

    @Inject
    UnitRepository units;

    @Inject
    CurrentUser currentUser;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    private static final Object CACHE = new Object();

    private volatile Map<String, FlowRules> byType;

    public FlowRules rules(String flowType) {
        Map<String, FlowRules> m = byType;
        if (m == null) {
            m = new HashMap<>();
            for (FlowRules r : allRules) {
                m.put(r.flowType(), r);
            }
            byType = m;
        }
        FlowRules r = m.get(flowType);
        if (r == null) {
            throw new IllegalArgumentException("no flow rules for " + flowType);
        }
        return r;
    }

    // ---------------------------------------------------------------- a flow changed

    /**
     * Reconciles a flow with what its ledger's rules say now. Unless {@code force}, a flow whose
     * state, texts and steps are as stored is left alone: its to-dos follow from them, and people's
     * changes are reconciled on their own ({@link #reconcilePerson}).
     */
    public void reconcileFlow(String flowType, UUID flowId, boolean force) {
        FlowRules rules = rules(flowType);
        Optional<Flow> found = rules.flow(flowId);
        if (found.isEmpty()) {
            return;
        }
        Flow flow = found.get();
        LocalDate today = warnings.today();
        LocalDate recheck = recheckOn(flow, today);
        StoredFlow now = new StoredFlow(flowType, flowId, flow.state(), clip(flow.title(), 500), rules.flowName(), flow.link(),
                flow.unitId(), recheck);
        StoredFlow stored = lockFlow(flowType, flowId);
        boolean fresh = stored == null;
        if (fresh) {
            // On conflict (another transaction made it first) theirs is the row to update.
            insertFlow(now);
            stored = lockFlow(flowType, flowId);
        }
        List<Step> storedSteps = steps(flowType, flowId);
        boolean sameFlow = now.equals(stored);
        boolean sameSteps = storedSteps.equals(flow.steps());
        if (!force && !fresh && sameFlow && sameSteps) {
            return;
        }
        if (!sameFlow) {
            updateFlow(now);
        }
        if (!sameSteps) {
            replaceSteps(flowType, flowId, flow.steps());
        }
        Map<String, Expected> expected = flow.state() == FlowState.OPEN ? receivers(flow.steps(), today) : Map.of();
        List<TodoEntity> rows = em.createQuery("select t from TodoEntity t where t.flowType = :t and t.flowId = :f", TodoEntity.class)
                .setParameter("t", flowType).setParameter("f", flowId).getResultList();
        apply(now, expected, rows, TodoState.DONE);
    }

    /** The next day time alone may change the flow: its own, or when a step comes into view. */
    static LocalDate recheckOn(Flow flow, LocalDate today) {
        LocalDate r = flow.state() == FlowState.OPEN ? flow.recheckOn() : null;
        if (flow.state() == FlowState.OPEN) {
            for (Step s : flow.steps()) {
                if (s.visibleFrom() != null && s.visibleFrom().isAfter(today) && (r == null || s.visibleFrom().isBefore(r))) {
                    r = s.visibleFrom();
                }
            }
        }
        // Never today or before: the sweep must move on after looking.
        return r != null && !r.isAfter(today) ? today.plusDays(1) : r;
    }

    // ---------------------------------------------------------------- a person changed

    /**
     * A person appeared or changed unit or roles: the open flows' stored steps that name them get
     * their to-do (again), their open to-dos no longer naming them are withdrawn.
     */
    public void reconcilePerson(String subject) {
        Person p = person(subject).orElse(null);
        if (p == null) {
            return;
        }
        List<String> roles = p.roles().isEmpty() ? List.of("-") : List.copyOf(p.roles());
        List<UUID> subtree = subtree(p.unitId());
        String matches = "s.audience_role in (:roles) and (s.audience_unit_id is null"
                + (subtree.isEmpty() ? ")" : " or s.audience_unit_id in (:subtree))");
        // The flows concerned, locked in one order (as their own reconciliations lock them one by one).
        // Found from the steps' audience index and the person's open rows, not by scanning every open flow.
        Query lock = em.createNativeQuery("select f.flow_type, f.flow_id, f.state, f.title, f.flow_name, f.link, f.unit_id,"
                + " f.recheck_on from todo_flow f where f.state = 'OPEN' and (f.flow_type, f.flow_id) in ("
                + "select s.flow_type, s.flow_id from todo_step s where " + matches
                + " union select t.flow_type, t.flow_id from todo t where t.receiver_subject = :subject and t.state = 'OPEN')"
                + " order by f.flow_type collate \"C\", f.flow_id for no key update of f");
        bindPerson(lock, roles, subtree).setParameter("subject", subject);
        Map<String, StoredFlow> flows = new LinkedHashMap<>();
        for (Object row : lock.getResultList()) {
            StoredFlow f = storedFlow((Object[]) row);
            flows.put(key(f.type(), f.id()), f);
        }
        // Their steps that name the person, in each flow's order.
        Map<String, List<Step>> stepsOf = new HashMap<>();
        if (!flows.isEmpty()) {
            Query q = em.createNativeQuery("select s.flow_type, s.flow_id, s.kind, s.audience_role, s.audience_unit_id, s.due,"
                    + " s.step_name, s.visible_from, s.link from todo_step s join todo_flow f on f.flow_type = s.flow_type"
                    + " and f.flow_id = s.flow_id where f.state = 'OPEN' and " + matches + " order by s.flow_type, s.flow_id, s.position");
            for (Object row : bindPerson(q, roles, subtree).getResultList()) {
                Object[] r = (Object[]) row;
                stepsOf.computeIfAbsent(key((String) r[0], (UUID) r[1]), k -> new ArrayList<>()).add(step(r, 2));
            }
        }
        Map<String, List<TodoEntity>> rowsOf = new HashMap<>();
        var rowsQuery = em.createQuery("select t from TodoEntity t where t.receiverSubject = :s and (t.state = 'OPEN'"
                + (flows.isEmpty() ? ")" : " or t.flowId in :ids)"), TodoEntity.class).setParameter("s", subject);
        if (!flows.isEmpty()) {
            rowsQuery.setParameter("ids", flows.values().stream().map(StoredFlow::id).toList());
        }
        for (TodoEntity t : rowsQuery.getResultList()) {
            rowsOf.computeIfAbsent(key(t.flowType, t.flowId), k -> new ArrayList<>()).add(t);
        }
        LocalDate today = warnings.today();
        for (StoredFlow f : flows.values()) {
            String k = key(f.type(), f.id());
            Expected e = expectedOf(p, stepsOf.getOrDefault(k, List.of()), Map.of(), today);
            apply(f, e == null ? Map.of() : Map.of(subject, e), rowsOf.getOrDefault(k, List.of()), TodoState.WITHDRAWN,
                    java.util.Collections.singletonMap(subject, p.username()));
        }
    }

    /**
     * A unit moved in the tree: whose officers are above it changed. Each open flow asking its units
     * is reconciled from its stored steps; to-dos of those no longer above it are withdrawn.
     */
    public void reconcileUnitMoved(UUID unitId) {
        List<UUID> subtree = subtree(unitId);
        if (subtree.isEmpty()) {
            return;
        }
        List<?> keys = em.createNativeQuery("select f.flow_type, f.flow_id, f.state, f.title, f.flow_name, f.link, f.unit_id,"
                        + " f.recheck_on from todo_flow f where f.state = 'OPEN' and (f.flow_type, f.flow_id) in ("
                        + "select s.flow_type, s.flow_id from todo_step s where s.audience_unit_id in (:subtree))"
                        + " order by f.flow_type collate \"C\", f.flow_id for no key update of f")
                .setParameter("subtree", subtree).getResultList();
        LocalDate today = warnings.today();
        for (Object row : keys) {
            StoredFlow f = storedFlow((Object[]) row);
            Map<String, Expected> expected = receivers(steps(f.type(), f.id()), today);
            List<TodoEntity> rows = em.createQuery("select t from TodoEntity t where t.flowType = :t and t.flowId = :f", TodoEntity.class)
                    .setParameter("t", f.type()).setParameter("f", f.id()).getResultList();
            apply(f, expected, rows, TodoState.WITHDRAWN);
        }
    }

    // ---------------------------------------------------------------- the one diff

    /**
     * Expected receivers against stored to-dos. A new receiver, or one asked again (退回, back in the
     * unit): OPEN. Open and still asked, with other kinds, texts or deadline: updated. Open and no
     * longer asked while the flow goes on: {@code gone} (已办, or 撤回 when the person changed). The flow
     * finished: every open or done one 办结. Cancelled: the open ones withdrawn.
     */
    private void apply(StoredFlow flow, Map<String, Expected> expected, Collection<TodoEntity> rows, TodoState gone) {
        apply(flow, expected, rows, gone, Map.of());
    }

    /** As {@link #apply(StoredFlow, Map, Collection, TodoState)}, with receivers' usernames already known. */
    private void apply(StoredFlow flow, Map<String, Expected> expected, Collection<TodoEntity> rows, TodoState gone,
                       Map<String, String> knownNames) {
        Map<String, Expected> left = new LinkedHashMap<>(expected);
        Instant now = clock.instant();
        Set<String> unnamed = new HashSet<>();
        Map<TodoEntity, String> changed = new LinkedHashMap<>();
        for (TodoEntity t : rows) {
            Expected e = left.remove(t.receiverSubject);
            TodoState state = TodoState.valueOf(t.state);
            String event = null;
            switch (flow.state()) {
                case FINISHED -> {
                    if (state == TodoState.OPEN || state == TodoState.DONE) {
                        event = move(t, TodoState.FINISHED);
                    }
                }
                case CANCELLED -> {
                    if (state == TodoState.OPEN) {
                        event = move(t, TodoState.WITHDRAWN);
                    }
                }
                case OPEN -> {
                    if (e != null && state != TodoState.OPEN) {
                        fill(t, e, flow);
                        t.readAt = null;
                        event = move(t, TodoState.OPEN);
                    } else if (e != null) {
                        if (!sameContent(t, e, flow)) {
                            if (!t.kindList().containsAll(e.kinds())) {
                                // Something new is asked: unread again.
                                t.readAt = null;
                            }
                            fill(t, e, flow);
                            event = TodoEvents.UPDATED;
                        }
                    } else if (state == TodoState.OPEN) {
                        event = move(t, gone);
                    }
                }
                default -> {
                }
            }
            if (event != null) {
                texts(t, flow);
                t.changedAt = now;
                t.version++;
                changed.put(t, event);
                if (e == null) {
                    unnamed.add(t.receiverSubject);
                }
            }
        }
        for (Expected e : left.values()) {
            TodoEntity t = new TodoEntity();
            t.id = UUID.randomUUID();
            t.flowType = flow.type();
            t.flowId = flow.id();
            t.receiverSubject = e.subject();
            t.state = TodoState.OPEN.name();
            fill(t, e, flow);
            texts(t, flow);
            t.createdAt = now;
            t.changedAt = now;
            t.version = 1;
            em.persist(t);
            changed.put(t, TodoEvents.CREATED);
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<String, String> usernames = new HashMap<>(knownNames);
        expected.values().forEach(e -> usernames.put(e.subject(), e.username()));
        unnamed.removeAll(usernames.keySet());
        usernames.putAll(usernames(unnamed));
        String sender = sender();
        changed.forEach((t, event) -> journal.record(event, TodoEvents.ENTITY, t.id, flow.unitId(),
                Changes.whole(snapshot(t, usernames.get(t.receiverSubject), sender).toMap())));
    }

    private static String move(TodoEntity t, TodoState to) {
        t.state = to.name();
        return switch (to) {
            case OPEN -> TodoEvents.CREATED;
            case DONE -> TodoEvents.DONE;
            case FINISHED -> TodoEvents.FINISHED;
            case WITHDRAWN -> TodoEvents.WITHDRAWN;
        };
    }

    /** What the receiver is asked; the link is the first step's own, else the flow's page. */
    private static void fill(TodoEntity t, Expected e, StoredFlow f) {
        t.kinds = String.join(",", e.kinds());
        t.stepName = e.stepName();
        t.due = e.due();
        t.visibleFrom = e.visibleFrom();
        t.link = linkOf(e, f);
    }

    private static String linkOf(Expected e, StoredFlow f) {
        return e.link() != null ? e.link() : f.link();
    }

    /** The flow's own texts, current on every change of a to-do (the link stays the last one asked). */
    private static void texts(TodoEntity t, StoredFlow f) {
        t.title = f.title();
        t.flowName = f.flowName();
        t.unitId = f.unitId();
        if (t.link == null) {
            t.link = f.link();
        }
    }

    private static boolean sameContent(TodoEntity t, Expected e, StoredFlow f) {
        return t.kindList().equals(e.kinds()) && Objects.equals(t.stepName, e.stepName()) && Objects.equals(t.due, e.due())
                && Objects.equals(t.visibleFrom, e.visibleFrom()) && Objects.equals(t.link, linkOf(e, f))
                && Objects.equals(t.title, f.title()) && Objects.equals(t.flowName, f.flowName()) && Objects.equals(t.unitId, f.unitId());
    }

    static TodoSnapshot snapshot(TodoEntity t, String username, String sender) {
        boolean open = TodoState.OPEN.name().equals(t.state);
        return new TodoSnapshot(t.id, t.flowType, t.flowId, t.state, open ? t.kindList() : List.of(), t.title, t.stepName,
                t.flowName, t.link, t.unitId, t.due, t.receiverSubject, username, sender, t.createdAt, t.changedAt, t.version);
    }

    /** Who caused the change: the caller of the request, none for the server's own work. */
    private String sender() {
        if (Arc.container().requestContext().isActive() && currentUser.authenticated()) {
            return currentUser.username();
        }
        return null;
    }

    // ---------------------------------------------------------------- receivers

    /** Who the visible steps ask, and what: per person, every step naming them, in the steps' order. */
    @SuppressWarnings("unchecked")
    Map<String, Expected> receivers(List<Step> steps, LocalDate today) {
        List<Step> visible = steps.stream().filter(s -> s.visibleFrom() == null || !s.visibleFrom().isAfter(today)).toList();
        if (visible.isEmpty()) {
            return Map.of();
        }
        // People change in transactions of their own (the user directory's): within this one, the same
        // audience names the same people, so a transaction of many flows (an import) asks once per audience.
        Map<Object, Object> cache = transactionCache();
        Map<UUID, Set<UUID>> above = new HashMap<>();
        for (Step s : visible) {
            if (s.unitId() != null) {
                above.computeIfAbsent(s.unitId(), u -> (Set<UUID>) cache.computeIfAbsent("chain:" + u, k -> chain(u)));
            }
        }
        String audience = String.join(",", new java.util.TreeSet<>(visible.stream().map(s -> s.role() + "@" + s.unitId()).toList()));
        List<Person> people = (List<Person>) cache.computeIfAbsent("people:" + audience, k -> people(visible, above));
        Map<String, Expected> out = new LinkedHashMap<>();
        for (Person p : people) {
            Expected e = expectedOf(p, visible, above, today);
            if (e != null) {
                out.put(p.subject(), e);
            }
        }
        return out;
    }

    /** Everyone who may be named: holders of a unit-less step's role, and people of the step units' chains. */
    private List<Person> people(List<Step> visible, Map<UUID, Set<UUID>> above) {
        Set<UUID> unitIds = new HashSet<>();
        above.values().forEach(unitIds::addAll);
        Set<String> anyUnitRoles = new LinkedHashSet<>();
        visible.stream().filter(s -> s.unitId() == null).forEach(s -> anyUnitRoles.add(s.role()));
        List<String> where = new ArrayList<>();
        if (!unitIds.isEmpty()) {
            where.add("unit_id in (:units)");
        }
        int i = 0;
        for (String ignored : anyUnitRoles) {
            where.add("(',' || roles || ',') like :role" + i++);
        }
        if (where.isEmpty()) {
            return List.of();
        }
        Query q = em.createNativeQuery("select subject, username, roles, unit_id from app_user where " + String.join(" or ", where));
        if (!unitIds.isEmpty()) {
            q.setParameter("units", unitIds);
        }
        i = 0;
        for (String role : anyUnitRoles) {
            q.setParameter("role" + i++, "%," + role + ",%");
        }
        List<Person> out = new ArrayList<>();
        for (Object row : q.getResultList()) {
            out.add(person((Object[]) row));
        }
        return out;
    }

    private Map<Object, Object> transactionCache() {
        @SuppressWarnings("unchecked")
        Map<Object, Object> cache = (Map<Object, Object>) registry.getResource(CACHE);
        if (cache == null) {
            cache = new HashMap<>();
            registry.putResource(CACHE, cache);
        }
        return cache;
    }

    /**
     * What the steps ask of one person, or null: the steps of a role they hold, for everyone or for
     * a unit at or below theirs ({@code above}: each step unit's chain; empty: the steps were already
     * matched by unit). Kinds in the steps' order; due the nearest; the first step's name and link.
     */
    private Expected expectedOf(Person p, List<Step> steps, Map<UUID, Set<UUID>> above, LocalDate today) {
        List<Step> mine = new ArrayList<>();
        for (Step s : steps) {
            if (s.visibleFrom() != null && s.visibleFrom().isAfter(today)) {
                continue;
            }
            if (!p.roles().contains(s.role())) {
                continue;
            }
            if (s.unitId() != null && !above.isEmpty() && (p.unitId() == null || !above.get(s.unitId()).contains(p.unitId()))) {
                continue;
            }
            mine.add(s);
        }
        if (mine.isEmpty()) {
            return null;
        }
        List<String> kinds = mine.stream().map(Step::kind).distinct().toList();
        LocalDate due = mine.stream().map(Step::due).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        LocalDate from = mine.stream().map(Step::visibleFrom).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        String link = mine.stream().map(Step::link).filter(Objects::nonNull).findFirst().orElse(null);
        return new Expected(p.subject(), p.username(), kinds, mine.get(0).name(), due, from, link);
    }

    /** The unit and the units above it. */
    private Set<UUID> chain(UUID unitId) {
        Optional<UnitEntity> u = units.find(unitId, cn.qingfeng.common.scope.DataScope.everything());
        Set<UUID> out = new HashSet<>();
        out.add(unitId);
        u.ifPresent(x -> Arrays.stream(x.path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).forEach(out::add));
        return out;
    }

    private List<UUID> subtree(UUID unitId) {
        if (unitId == null) {
            return List.of();
        }
        return units.find(unitId, cn.qingfeng.common.scope.DataScope.everything()).map(units::subtreeIds).orElse(List.of());
    }

    private Optional<Person> person(String subject) {
        List<?> rows = em.createNativeQuery("select subject, username, roles, unit_id from app_user where subject = :s")
                .setParameter("s", subject).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(person((Object[]) rows.get(0)));
    }

    private static Person person(Object[] r) {
        String roles = (String) r[2];
        Set<String> set = roles == null || roles.isBlank() ? Set.of() : Set.of(roles.split(","));
        return new Person((String) r[0], (String) r[1], set, (UUID) r[3]);
    }

    private Map<String, String> usernames(Set<String> subjects) {
        Map<String, String> out = new HashMap<>();
        if (!subjects.isEmpty()) {
            for (Object row : em.createNativeQuery("select subject, username from app_user where subject in (:s)")
                    .setParameter("s", subjects).getResultList()) {
                Object[] r = (Object[]) row;
                out.put((String) r[0], (String) r[1]);
            }
        }
        return out;
    }

    private static Query bindPerson(Query q, List<String> roles, List<UUID> subtree) {
        q.setParameter("roles", roles);
        if (!subtree.isEmpty()) {
            q.setParameter("subtree", subtree);
        }
        return q;
    }

    // ---------------------------------------------------------------- stored flows and steps

    private StoredFlow lockFlow(String type, UUID id) {
        List<?> rows = em.createNativeQuery("select flow_type, flow_id, state, title, flow_name, link, unit_id, recheck_on"
                        + " from todo_flow where flow_type = :t and flow_id = :f for no key update")
                .setParameter("t", type).setParameter("f", id).getResultList();
        return rows.isEmpty() ? null : storedFlow((Object[]) rows.get(0));
    }

    private static StoredFlow storedFlow(Object[] r) {
        return new StoredFlow((String) r[0], (UUID) r[1], FlowState.valueOf((String) r[2]), (String) r[3], (String) r[4],
                (String) r[5], (UUID) r[6], date(r[7]));
    }

    private void insertFlow(StoredFlow f) {
        em.createNativeQuery("insert into todo_flow (flow_type, flow_id, state, title, flow_name, link, unit_id, recheck_on, updated_at)"
                        + " values (:t, :f, :state, :title, :name, :link, :unit, :recheck, :now) on conflict do nothing")
                .setParameter("t", f.type()).setParameter("f", f.id()).setParameter("state", f.state().name())
                .setParameter("title", f.title()).setParameter("name", f.flowName()).setParameter("link", f.link())
                .setParameter("unit", f.unitId()).setParameter("recheck", f.recheckOn()).setParameter("now", clock.instant())
                .executeUpdate();
    }

    private void updateFlow(StoredFlow f) {
        em.createNativeQuery("update todo_flow set state = :state, title = :title, flow_name = :name, link = :link, unit_id = :unit,"
                        + " recheck_on = :recheck, updated_at = :now where flow_type = :t and flow_id = :f")
                .setParameter("t", f.type()).setParameter("f", f.id()).setParameter("state", f.state().name())
                .setParameter("title", f.title()).setParameter("name", f.flowName()).setParameter("link", f.link())
                .setParameter("unit", f.unitId()).setParameter("recheck", f.recheckOn()).setParameter("now", clock.instant())
                .executeUpdate();
    }

    List<Step> steps(String type, UUID id) {
        List<Step> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("select flow_type, flow_id, kind, audience_role, audience_unit_id, due, step_name,"
                        + " visible_from, link from todo_step where flow_type = :t and flow_id = :f order by position")
                .setParameter("t", type).setParameter("f", id).getResultList()) {
            out.add(step((Object[]) row, 2));
        }
        return out;
    }

    private static Step step(Object[] r, int at) {
        return new Step((String) r[at], (String) r[at + 1], (UUID) r[at + 2], date(r[at + 3]), (String) r[at + 4],
                date(r[at + 5]), (String) r[at + 6]);
    }

    private void replaceSteps(String type, UUID id, List<Step> steps) {
        em.createNativeQuery("delete from todo_step where flow_type = :t and flow_id = :f")
                .setParameter("t", type).setParameter("f", id).executeUpdate();
        if (steps.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into todo_step (flow_type, flow_id, position, kind, audience_role,"
                + " audience_unit_id, due, step_name, visible_from, link) values ");
        for (int i = 0; i < steps.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t, :f, ").append(i).append(", :kind").append(i).append(", :role").append(i)
                    .append(", cast(:unit").append(i).append(" as uuid), cast(:due").append(i).append(" as date), :name").append(i)
                    .append(", cast(:from").append(i).append(" as date), :link").append(i).append(")");
        }
        Query q = em.createNativeQuery(sql.toString()).setParameter("t", type).setParameter("f", id);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            q.setParameter("kind" + i, s.kind()).setParameter("role" + i, s.role())
                    .setParameter("unit" + i, s.unitId() == null ? null : s.unitId().toString())
                    .setParameter("due" + i, s.due() == null ? null : s.due().toString())
                    .setParameter("name" + i, clip(s.name(), 64))
                    .setParameter("from" + i, s.visibleFrom() == null ? null : s.visibleFrom().toString())
                    .setParameter("link" + i, s.link());
        }
        q.executeUpdate();
    }

    private static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        return ((Date) v).toLocalDate();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String key(String type, UUID id) {
        return type + ":" + id;
    }
}
