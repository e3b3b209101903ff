package cn.qingfeng.unit;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.common.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The organisation tree: reading it within scope, and the admin's changes to it. */
@ApplicationScoped
public class UnitService {

    static final String ENTITY = "unit";
    private static final List<SortField<UnitEntity>> SORT = List.of(
            new SortField<>("code", "e.code", String.class, u -> u.code),
            new SortField<>("name", "e.name", String.class, u -> u.name),
            new SortField<>("sortOrder", "e.sortOrder", Integer.class, u -> u.sortOrder),
            new SortField<>("depth", "e.depth", Integer.class, u -> u.depth),
            new SortField<>("id", "e.id", UUID.class, u -> u.id));

    @Inject
    UnitRepository units;

    @Inject
    CallerScope callerScope;

    @Inject
    Ledger ledger;

    @Inject
    UnitMapper mapper;

    @Inject
    cn.qingfeng.journal.JournalService journalService;

    @Inject
    Pager pager;

    @Inject
    Clock clock;


    public Page<UnitView> list(UnitFilter f, PageParams page) {
        var q = units.list(callerScope.current())
                .whereIf(f.parentId, "e.parentId = :parentId", "parentId")
                .whereIf(f.kind, "e.kind = :kind", "kind")
                .whereIf(f.active, "e.active = :active", "active")
                .search(f.q, "e.code", "e.name");
        Page<UnitEntity> result = pager.page(q, page, SORT, "depth,sortOrder,code");
        return result.with(views(result.items()));
    }

    /** The units in scope as a forest: the caller's top units are its roots. */
    public List<UnitTreeNode> tree(boolean includeInactive) {
        Map<UUID, UnitTreeNode> nodes = new LinkedHashMap<>();
        List<UnitTreeNode> roots = new ArrayList<>();
        for (UnitEntity u : units.allInScope(callerScope.current(), includeInactive)) {
            UnitTreeNode node = UnitTreeNode.of(u);
            nodes.put(u.id, node);
            UnitTreeNode parent = u.parentId == null ? null : nodes.get(u.parentId);
            if (parent == null) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return roots;
    }

    /** The units of a (non-total) scope, in tree order. */
    public List<UnitRef> refs(DataScope scope) {
        return units.allInScope(scope, true).stream().map(UnitRef::of).toList();
    }

    public UnitView get(UUID id) {
        return view(visible(id));
    }

    public Page<cn.qingfeng.journal.EventView> timeline(UUID id, PageParams page) {
        UnitEntity u = visible(id);
        return journalService.timeline(Map.of(ENTITY, List.of(u.id.toString())), page);
    }

    @Transactional
    public UnitView create(UnitRequests.Create req) {
        return create(req, UUID.randomUUID());
    }

    /** Creates a unit with a given id (the demo organisation keeps stable ids across fresh databases). */
    @Transactional
    public UnitView create(UnitRequests.Create req, UUID id) {
        ledger.enter(UnitLifecycle.CREATE);
        units.lockTree();
        UnitEntity parent = null;
        if (req.kind() == UnitKind.BUREAU) {
            // The root: created once, into an empty tree (a fresh production database).
            if (req.parentId() != null || !units.isEmpty()) {
                throw ProblemException.invalidField("kind", "局 (BUREAU) 只能是根单位，且只能有一个");
            }
        } else {
            if (req.parentId() == null) {
                throw ProblemException.invalidField("parentId", "请选择上级单位");
            }
            parent = units.find(req.parentId(), DataScope.everything())
                    .orElseThrow(() -> ProblemException.invalidField("parentId", "上级单位不存在"));
            if (!parent.active) {
                throw ProblemException.conflict("unit.parent-inactive", "上级单位已停用，不能在其下新建单位");
            }
        }
        if (units.byCode(req.code()).isPresent()) {
            throw ProblemException.conflict("unit.code-taken", "单位编码 " + req.code() + " 已被使用");
        }
        Instant now = clock.instant();
        UnitEntity u = new UnitEntity();
        u.id = id;
        u.code = req.code();
        u.name = req.name().trim();
        u.kind = req.kind();
        u.parentId = parent == null ? null : parent.id;
        u.path = (parent == null ? "/" : parent.path) + u.id + "/";
        u.depth = parent == null ? 0 : parent.depth + 1;
        u.sortOrder = req.sortOrder() == null ? 0 : req.sortOrder();
        u.createdAt = now;
        u.updatedAt = now;
        units.persist(u);
        units.flush();
        ledger.record(UnitLifecycle.CREATE, u, Changes.of()
                .set("code", u.code).set("name", u.name).set("kind", u.kind)
                .set("parentId", u.parentId).set("sortOrder", u.sortOrder));
        return flushed(u);
    }

    @Transactional
    public UnitView update(UUID id, long expectedVersion, UnitRequests.Update req) {
        UnitEntity u = ledger.enter(units, UnitLifecycle.UPDATE, id, expectedVersion).unit();
        Changes changes = Changes.of();
        u.name = changes.update("name", u.name, req.name() == null ? null : req.name().trim());
        u.sortOrder = changes.update("sortOrder", u.sortOrder, req.sortOrder());
        if (!changes.isEmpty()) {
            ledger.record(UnitLifecycle.UPDATE, u, changes);
        }
        return flushed(u);
    }

    @Transactional
    public UnitView move(UUID id, long expectedVersion, UUID newParentId) {
        UnitEntity u = ledger.enter(units, UnitLifecycle.MOVE, id, expectedVersion).unit();
        UnitEntity parent = units.find(newParentId, DataScope.everything())
                .orElseThrow(() -> ProblemException.invalidField("parentId", "上级单位不存在"));
        if (parent.path.startsWith(u.path)) {
            throw ProblemException.conflict("unit.move-cycle", "不能把单位移动到它自己或它的下级单位之下");
        }
        if (!parent.active) {
            throw ProblemException.conflict("unit.parent-inactive", "目标上级单位已停用");
        }
        if (parent.id.equals(u.parentId)) {
            return view(u);
        }
        String oldPath = u.path;
        String newPath = parent.path + u.id + "/";
        int delta = parent.depth + 1 - u.depth;
        UUID oldParent = u.parentId;
        u.parentId = parent.id;
        u.path = newPath;
        u.depth = parent.depth + 1;
        u.updatedAt = clock.instant();
        units.rewriteDescendantPaths(oldPath, newPath, delta, u.updatedAt);
        ledger.record(UnitLifecycle.MOVE, u, Changes.of().field("parentId", oldParent, parent.id));
        return flushed(u);
    }

    @Transactional
    public UnitView deactivate(UUID id, long expectedVersion, String reason) {
        UnitEntity u = ledger.enter(units, UnitLifecycle.DEACTIVATE, id, expectedVersion).unit();
        ledger.record(UnitLifecycle.DEACTIVATE, u, Changes.of().set("reason", reason));
        return flushed(u);
    }

    @Transactional
    public UnitView activate(UUID id, long expectedVersion) {
        UnitEntity u = ledger.enter(units, UnitLifecycle.ACTIVATE, id, expectedVersion).unit();
        ledger.record(UnitLifecycle.ACTIVATE, u, Changes.of());
        return flushed(u);
    }

    private UnitEntity visible(UUID id) {
        return units.find(id, callerScope.current()).orElseThrow(() -> ProblemException.notFound(UnitLifecycle.UNIT.label()));
    }

    /** Flushes so the response carries the version the change produced. */
    private UnitView flushed(UnitEntity u) {
        units.flush();
        return view(u);
    }

    private UnitView view(UnitEntity u) {
        return views(List.of(u)).get(0);
    }

    private List<UnitView> views(List<UnitEntity> list) {
        return units.facts(list).stream().map(f -> mapper.unit(f.unit(), ledger.allowed(UnitLifecycle.UNIT, f))).toList();
    }
}
