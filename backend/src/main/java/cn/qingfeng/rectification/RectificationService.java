package cn.qingfeng.rectification;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.origin.Origins;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.MeasureStatus;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.rectification.RectificationViews.ClosureView;
import cn.qingfeng.rectification.RectificationViews.ItemDetail;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.rectification.RectificationViews.MeasureView;
import cn.qingfeng.rectification.RectificationViews.RectificationProgressView;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rectification ledger: 待整改 → 整改中 → 申请销号 → 已销号, 驳回 back to 整改中, 反弹 (reopen) of a
 * closed item into a new cycle. A close-off must be earned: every measure done or waived with a
 * reason, evidence on file, verified by a supervisor who did not apply, with an opinion and date;
 * the evidence (file names and SHA-256) is frozen into the close-off record.
 */
@ApplicationScoped
public class RectificationService {

    static final String ENTITY = "rectification";
    static final String EVIDENCE_ITEM = "RECTIFICATION";
    static final String EVIDENCE_MEASURE = "RECTIFICATION_MEASURE";

    @Inject
    Origins origins;

    @Inject
    RectificationRepository items;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    AttachmentService attachments;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    public ItemDetail detail(UUID id) {
        return detail(visible(id, false));
    }

    @Transactional
    public ItemDetail create(RectificationRequests.Create req) {
        requireRole(Roles.SUPERVISOR);
        if (req.kind() == Kind.TIME_LIMITED && req.deadline() == null) {
            throw ProblemException.invalidField("deadline", "限期整改须设定整改期限");
        }
        if (req.externalRef() != null && (req.externalSource() == null)) {
            throw ProblemException.invalidField("externalSource", "externalRef 需要同时给出来源 externalSource");
        }
        if (req.externalRef() != null && items.externalRefTaken(req.externalSource(), req.externalRef())) {
            throw ProblemException.conflict("rectification.external-ref-taken", "该外部编号已登记过");
        }
        if (units.find(req.unitId(), DataScope.everything()).filter(u -> u.active).isEmpty()) {
            throw ProblemException.invalidField("unitId", "责任单位不存在或已停用");
        }
        if ((req.originType() == null) != (req.originId() == null) && req.originType() != RectificationEnums.Origin.INSPECTION) {
            throw ProblemException.invalidField("originId", "来源记录需同时给出类型与编号");
        }
        if (req.originType() != null && req.originType() != RectificationEnums.Origin.INSPECTION && req.originId() != null
                && !origins.exists(req.originType(), req.originId())) {
            throw ProblemException.invalidField("originId", req.originType() == RectificationEnums.Origin.RISK_REVIEW
                    ? "来源风险研判记录不存在" : "来源承办事项不存在");
        }
        Instant now = clock.instant();
        RectificationItemEntity i = new RectificationItemEntity();
        i.id = UUID.randomUUID();
        i.code = codes.next("ZG", warnings.today().getYear());
        i.title = req.title().trim();
        i.description = req.description();
        i.source = req.source();
        i.category = req.category();
        i.severity = req.severity();
        i.foundOn = req.foundOn();
        i.unitId = req.unitId();
        i.responsibleLeader = req.responsibleLeader();
        i.responsiblePerson = req.responsiblePerson();
        i.kind = req.kind();
        i.deadline = req.deadline();
        i.externalSource = req.externalSource();
        i.externalRef = req.externalRef();
        i.originType = req.originType();
        i.originId = req.originId();
        i.originNote = req.originNote();
        i.status = Status.PENDING;
        i.createdBy = user.subject();
        i.createdByName = user.displayName();
        i.createdAt = now;
        i.updatedAt = now;
        items.persist(i);
        journal.record("rectification.created", ENTITY, i.id, i.unitId, Changes.of()
                .set("code", i.code).set("title", i.title).set("source", i.source).set("severity", i.severity)
                .set("kind", i.kind).set("deadline", i.deadline).set("origin", i.originType == null ? null : i.originType + ":" + i.originId));
        if (req.measures() != null) {
            for (RectificationRequests.AddMeasure m : req.measures()) {
                addMeasure(i, m);
            }
        }
        items.flush();
        return detail(i);
    }

    @Transactional
    public ItemDetail update(UUID id, long version, RectificationRequests.Update req) {
        requireRole(Roles.SUPERVISOR);
        RectificationItemEntity i = locked(id, version);
        if (i.status == Status.CLOSED) {
            throw ProblemException.conflict("rectification.closed", "已销号的事项不能修改，如问题反弹请重新打开");
        }
        Changes c = Changes.of();
        i.title = c.update("title", i.title, req.title() == null ? null : req.title().trim());
        i.description = c.update("description", i.description, req.description());
        i.severity = c.update("severity", i.severity, req.severity());
        i.category = c.update("category", i.category, req.category());
        i.responsibleLeader = c.update("responsibleLeader", i.responsibleLeader, req.responsibleLeader());
        i.responsiblePerson = c.update("responsiblePerson", i.responsiblePerson, req.responsiblePerson());
        i.deadline = c.update("deadline", i.deadline, req.deadline());
        if (!c.isEmpty()) {
            i.updatedAt = clock.instant();
            journal.record("rectification.updated", ENTITY, i.id, i.unitId, c);
        }
        items.flush();
        return detail(i);
    }

    // ---------------------------------------------------------------- measures

    @Transactional
    public ItemDetail addMeasure(UUID id, RectificationRequests.AddMeasure req) {
        requireRole(Roles.SUPERVISOR, Roles.UNIT_OFFICER);
        RectificationItemEntity i = visible(id, true);
        requireState(i, "add-measure", Set.of(Status.PENDING, Status.IN_PROGRESS));
        addMeasure(i, req);
        items.flush();
        return detail(i);
    }

    private void addMeasure(RectificationItemEntity i, RectificationRequests.AddMeasure req) {
        Instant now = clock.instant();
        RectificationMeasureEntity m = new RectificationMeasureEntity();
        m.id = UUID.randomUUID();
        m.itemId = i.id;
        m.content = req.content().trim();
        m.ownerName = req.ownerName();
        m.deadline = req.deadline();
        m.status = MeasureStatus.OPEN;
        m.sortOrder = items.measures(i.id).size();
        m.createdAt = now;
        m.updatedAt = now;
        items.persist(m);
        journal.record("rectification.measure-added", ENTITY, i.id, i.unitId, Changes.of()
                .set("measureId", m.id).set("content", m.content).set("ownerName", m.ownerName).set("deadline", m.deadline));
    }

    @Transactional
    public ItemDetail completeMeasure(UUID id, UUID measureId, long version) {
        return measureTo(id, measureId, version, MeasureStatus.DONE, null);
    }

    @Transactional
    public ItemDetail waiveMeasure(UUID id, UUID measureId, long version, String reason) {
        return measureTo(id, measureId, version, MeasureStatus.WAIVED, reason);
    }

    @Transactional
    public ItemDetail reopenMeasure(UUID id, UUID measureId, long version) {
        return measureTo(id, measureId, version, MeasureStatus.OPEN, null);
    }

    private ItemDetail measureTo(UUID id, UUID measureId, long version, MeasureStatus to, String reason) {
        requireRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR);
        RectificationItemEntity i = visible(id, true);
        requireState(i, "measure", Set.of(Status.PENDING, Status.IN_PROGRESS));
        RectificationMeasureEntity m = items.measure(i.id, measureId).orElseThrow(() -> ProblemException.notFound("Measure"));
        ETags.check(version, m.version);
        if (m.status == to) {
            return detail(i);
        }
        journal.record("rectification.measure-" + switch (to) {
            case DONE -> "done";
            case WAIVED -> "waived";
            case OPEN -> "reopened";
        }, ENTITY, i.id, i.unitId, Changes.of().set("measureId", m.id).field("status", m.status, to).set("reason", reason));
        m.status = to;
        m.doneAt = to == MeasureStatus.OPEN ? null : clock.instant();
        m.waiveReason = to == MeasureStatus.WAIVED ? reason : null;
        m.updatedAt = clock.instant();
        items.flush();
        return detail(i);
    }

    // ---------------------------------------------------------------- the life of an item

    @Transactional
    public ItemDetail start(UUID id, long version) {
        requireRole(Roles.UNIT_OFFICER);
        RectificationItemEntity i = locked(id, version);
        requireState(i, "start", Set.of(Status.PENDING));
        return moved(i, Status.IN_PROGRESS, "rectification.started", Changes.of());
    }

    @Transactional
    public RectificationProgressView addProgress(UUID id, RectificationRequests.AddProgress req) {
        requireRole(Roles.UNIT_OFFICER);
        RectificationItemEntity i = visible(id, true);
        requireState(i, "progress", Set.of(Status.IN_PROGRESS));
        RectificationProgressEntity p = new RectificationProgressEntity();
        p.id = UUID.randomUUID();
        p.itemId = i.id;
        p.cycle = i.cycle;
        p.reportedOn = req.reportedOn();
        p.content = req.content().trim();
        p.reportedBy = user.subject();
        p.reportedByName = user.displayName();
        p.createdAt = clock.instant();
        items.persist(p);
        if (i.lastProgressOn == null || p.reportedOn.isAfter(i.lastProgressOn)) {
            i.lastProgressOn = p.reportedOn;
        }
        i.updatedAt = p.createdAt;
        journal.record("rectification.progress-reported", ENTITY, i.id, i.unitId, Changes.of()
                .set("progressId", p.id).set("reportedOn", p.reportedOn).set("content", p.content).set("cycle", p.cycle));
        return progressView(p);
    }

    /**
     * 申请销号: the unit says it is done (a supervisor may file it for the unit); measures and
     * evidence must already be in order.
     */
    @Transactional
    public ItemDetail apply(UUID id, long version) {
        requireRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR);
        RectificationItemEntity i = locked(id, version);
        requireState(i, "apply", Set.of(Status.IN_PROGRESS));
        checkMeasuresAndEvidence(i);
        i.appliedBy = user.subject();
        i.appliedByName = user.displayName();
        i.appliedAt = clock.instant();
        i.rejectionReason = null;
        return moved(i, Status.APPLIED, "rectification.applied", Changes.of().set("cycle", i.cycle));
    }

    /** 销号: a second person verifies; the evidence as it is now is frozen into the close-off. */
    @Transactional
    public ItemDetail verify(UUID id, long version, RectificationRequests.Verify req) {
        requireRole(Roles.SUPERVISOR);
        RectificationItemEntity i = locked(id, version);
        requireState(i, "verify", Set.of(Status.APPLIED));
        if (user.subject().equals(i.appliedBy)) {
            throw ProblemException.conflict("rectification.self-verification", "申请人不能为自己的申请销号（需由另一名监督人员核验）");
        }
        if (req.verifiedOn().isAfter(warnings.today())) {
            throw ProblemException.invalidField("verifiedOn", "核验日期不能晚于今天");
        }
        List<Map<String, Object>> evidence = checkMeasuresAndEvidence(i);
        RectificationClosureEntity c = new RectificationClosureEntity();
        c.id = UUID.randomUUID();
        c.itemId = i.id;
        c.cycle = i.cycle;
        c.appliedBy = i.appliedBy;
        c.appliedByName = i.appliedByName;
        c.verifiedBy = user.subject();
        c.verifiedByName = user.displayName();
        c.opinion = req.opinion().trim();
        c.verifiedOn = req.verifiedOn();
        c.evidence = evidence;
        c.createdAt = clock.instant();
        items.persist(c);
        i.closedAt = c.createdAt;
        return moved(i, Status.CLOSED, "rectification.closed", Changes.of().set("closureId", c.id)
                .set("opinion", c.opinion).set("verifiedOn", c.verifiedOn).set("evidence", evidence).set("cycle", i.cycle));
    }

    /** 驳回: back to 整改中 with the reason. */
    @Transactional
    public ItemDetail reject(UUID id, long version, String reason) {
        requireRole(Roles.SUPERVISOR);
        RectificationItemEntity i = locked(id, version);
        requireState(i, "reject", Set.of(Status.APPLIED));
        i.rejectionReason = reason;
        return moved(i, Status.IN_PROGRESS, "rectification.rejected", Changes.of().set("reason", reason));
    }

    /** 反弹: a closed item is reopened into a new cycle; the earlier cycle's history stays. */
    @Transactional
    public ItemDetail reopen(UUID id, long version, String reason) {
        requireRole(Roles.SUPERVISOR);
        RectificationItemEntity i = locked(id, version);
        requireState(i, "reopen", Set.of(Status.CLOSED));
        int previous = i.cycle;
        i.cycle++;
        i.closedAt = null;
        i.appliedBy = null;
        i.appliedByName = null;
        i.appliedAt = null;
        i.rejectionReason = null;
        return moved(i, Status.IN_PROGRESS, "rectification.reopened", Changes.of().set("reason", reason)
                .field("cycle", previous, i.cycle));
    }

    /** Each failing rule has its own code; answers the evidence list as it is now. */
    private List<Map<String, Object>> checkMeasuresAndEvidence(RectificationItemEntity i) {
        List<RectificationMeasureEntity> measures = items.measures(i.id);
        long open = measures.stream().filter(m -> m.status == MeasureStatus.OPEN).count();
        if (measures.isEmpty() || open > 0) {
            throw ProblemException.conflict("rectification.measures-open",
                    measures.isEmpty() ? "尚未制定整改措施" : "还有 " + open + " 项整改措施未完成（或未说明理由免于执行）",
                    Map.of("openMeasures", open));
        }
        List<Map<String, Object>> evidence = evidenceSnapshot(i, measures);
        if (evidence.isEmpty()) {
            throw ProblemException.conflict("rectification.no-evidence", "销号需要至少一份佐证材料");
        }
        return evidence;
    }

    /** The files now attached to the item and its measures, as a close-off freezes them. */
    List<Map<String, Object>> evidenceSnapshot(RectificationItemEntity i, List<RectificationMeasureEntity> measures) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        List<AttachmentService.StoredFile> files = new ArrayList<>(attachments.currentFiles(EVIDENCE_ITEM, List.of(i.id)));
        files.addAll(attachments.currentFiles(EVIDENCE_MEASURE, measures.stream().map(m -> m.id).toList()));
        for (AttachmentService.StoredFile f : files) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("attachmentId", f.attachmentId().toString());
            e.put("ownerType", f.ownerType());
            e.put("ownerId", f.ownerId().toString());
            e.put("filename", f.filename());
            e.put("sha256", f.sha256());
            e.put("sizeBytes", f.sizeBytes());
            evidence.add(e);
        }
        return evidence;
    }

    // ---------------------------------------------------------------- shared

    RectificationItemEntity visible(UUID id, boolean lock) {
        return items.find(id, scope.current(), lock).orElseThrow(() -> ProblemException.notFound("Rectification"));
    }

    private RectificationItemEntity locked(UUID id, long version) {
        RectificationItemEntity i = visible(id, true);
        ETags.check(version, i.version);
        return i;
    }

    private void requireRole(String... roles) {
        user.requireAnyRole(roles);
    }

    private static void requireState(RectificationItemEntity i, String action, Set<Status> from) {
        if (!from.contains(i.status)) {
            throw ProblemException.illegalTransition("rectification", i.status, action);
        }
    }

    private ItemDetail moved(RectificationItemEntity i, Status to, String action, Changes changes) {
        journal.record(action, ENTITY, i.id, i.unitId, changes.field("status", i.status, to));
        i.status = to;
        i.updatedAt = clock.instant();
        items.flush();
        return detail(i);
    }

    ItemDetail detail(RectificationItemEntity i) {
        List<MeasureView> measures = items.measures(i.id).stream().map(this::measureView).toList();
        List<ClosureView> closures = items.closures(i.id).stream().map(c -> new ClosureView(c.id, c.cycle,
                c.appliedByName, c.verifiedByName, c.opinion, c.verifiedOn, c.evidence, c.createdAt)).toList();
        return new ItemDetail(views(List.of(i)).get(0), measures, closures);
    }

    List<ItemView> views(List<RectificationItemEntity> list) {
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(i -> i.unitId).distinct().toList());
        Map<UUID, OriginRef> from = origins.refs(list, i -> i.originType, i -> i.originId);
        return list.stream().map(i -> new ItemView(i.id, i.code, i.title, i.description, i.source, i.category, i.severity,
                i.foundOn, refs.get(i.unitId), i.responsibleLeader, i.responsiblePerson, i.kind, i.deadline,
                i.externalSource, i.externalRef, i.originType, i.originId, i.originNote,
                i.originId == null ? null : from.get(i.originId), i.status, i.cycle,
                i.appliedByName, i.appliedAt, i.rejectionReason, i.closedAt, i.lastProgressOn, warning(i),
                progressDue(i), i.createdByName, i.createdAt, i.updatedAt, i.version)).toList();
    }

    private Warning warning(RectificationItemEntity i) {
        if (i.status == Status.CLOSED) {
            return i.kind == Kind.ONGOING ? Warning.ON_TIME : Warnings.closed(i.deadline, i.closedAt);
        }
        return i.kind == Kind.ONGOING ? null : warnings.open(i.deadline);
    }

    /** An ongoing item still being worked on must report in every period (e.g. each quarter). */
    boolean progressDue(RectificationItemEntity i) {
        if (i.kind != Kind.ONGOING || i.status != Status.IN_PROGRESS) {
            return false;
        }
        LocalDate periodStart = RectificationPeriods.start(config.rectification().ongoingProgressPeriod(), warnings.today());
        return i.lastProgressOn == null || i.lastProgressOn.isBefore(periodStart);
    }

    MeasureView measureView(RectificationMeasureEntity m) {
        Warning w = m.status == MeasureStatus.OPEN ? warnings.open(m.deadline)
                : m.status == MeasureStatus.DONE ? Warnings.closed(m.deadline, m.doneAt) : null;
        return new MeasureView(m.id, m.itemId, m.content, m.ownerName, m.deadline, m.status, w, m.doneAt, m.waiveReason,
                m.sortOrder, m.version);
    }

    static RectificationProgressView progressView(RectificationProgressEntity p) {
        return new RectificationProgressView(p.id, p.itemId, p.cycle, p.reportedOn, p.content, p.reportedByName, p.createdAt);
    }
}
