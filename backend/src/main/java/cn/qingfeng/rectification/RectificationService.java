package cn.qingfeng.rectification;

import static cn.qingfeng.rectification.RectificationLifecycle.ADD_MEASURE;
import static cn.qingfeng.rectification.RectificationLifecycle.APPLY;
import static cn.qingfeng.rectification.RectificationLifecycle.CREATE;
import static cn.qingfeng.rectification.RectificationLifecycle.REJECT;
import static cn.qingfeng.rectification.RectificationLifecycle.REOPEN;
import static cn.qingfeng.rectification.RectificationLifecycle.REPORT_PROGRESS;
import static cn.qingfeng.rectification.RectificationLifecycle.START;
import static cn.qingfeng.rectification.RectificationLifecycle.UPDATE;
import static cn.qingfeng.rectification.RectificationLifecycle.VERIFY;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.ledger.ExternalRefs;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.origin.Origins;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.measure.MeasureEntity;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.measure.MeasureService;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.rectification.RectificationViews.ItemDetail;
import cn.qingfeng.rectification.RectificationViews.ItemView;
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
import java.util.UUID;

/**
 * The rectification ledger's actions ({@link RectificationLifecycle}); the kernel checks each one
 * and records it. The evidence (file names and SHA-256) is frozen into the close-off record.
 */
@ApplicationScoped
public class RectificationService {

    static final String ENTITY = "rectification";
    static final MeasureOwnerType MEASURES = MeasureOwnerType.RECTIFICATION;

    @Inject
    Origins origins;

    @Inject
    RectificationRepository items;

    @Inject
    RectificationMapper mapper;

    @Inject
    MeasureService measures;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Ledger ledger;

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
        return detail(visible(id));
    }

    @Transactional
    public ItemDetail create(RectificationRequests.Create req) {
        return detail(createRecord(req));
    }

    /** {@link #create} without building the answer's view (a bulk import does not read it). */
    @Transactional
    public RectificationItemEntity createRecord(RectificationRequests.Create req) {
        ledger.enter(CREATE);
        if (req.kind() == Kind.TIME_LIMITED && req.deadline() == null) {
            throw ProblemException.invalidField("deadline", "限期整改须设定整改期限");
        }
        ExternalRefs.check(RectificationLifecycle.ITEM, req.externalSource(), req.externalRef(), items::externalRefTaken);
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
        ledger.record(CREATE, i, Changes.of()
                .set("code", i.code).set("title", i.title).set("source", i.source).set("severity", i.severity)
                .set("kind", i.kind).set("deadline", i.deadline).set("originType", i.originType).set("originId", i.originId).set("originNote", i.originNote));
        if (req.measures() != null) {
            for (MeasureRequests.Add m : req.measures()) {
                measures.add(ADD_MEASURE, i, MEASURES, m, null);
            }
        }
        items.flush();
        return i;
    }

    @Transactional
    public ItemDetail update(UUID id, long version, RectificationRequests.Update req) {
        RectificationItemEntity i = ledger.enter(items, UPDATE, id, version).item();
        Changes c = Changes.of();
        i.title = c.update("title", i.title, req.title() == null ? null : req.title().trim());
        i.description = c.update("description", i.description, req.description());
        i.severity = c.update("severity", i.severity, req.severity());
        i.category = c.update("category", i.category, req.category());
        i.responsibleLeader = c.update("responsibleLeader", i.responsibleLeader, req.responsibleLeader());
        i.responsiblePerson = c.update("responsiblePerson", i.responsiblePerson, req.responsiblePerson());
        i.deadline = c.update("deadline", i.deadline, req.deadline());
        if (!c.isEmpty()) {
            ledger.record(UPDATE, i, c);
        }
        return flushed(i);
    }

    // ---------------------------------------------------------------- measures

    @Transactional
    public ItemDetail addMeasure(UUID id, MeasureRequests.Add req) {
        RectificationItemEntity i = ledger.enter(items, ADD_MEASURE, id, null).item();
        measures.add(ADD_MEASURE, i, MEASURES, req, null);
        return flushed(i);
    }

    @Transactional
    public ItemDetail completeMeasure(UUID id, UUID measureId, long version) {
        measures.complete(MEASURES, id, measureId, version, null);
        return flushed(id);
    }

    @Transactional
    public ItemDetail waiveMeasure(UUID id, UUID measureId, long version, String reason) {
        measures.waive(MEASURES, id, measureId, version, reason);
        return flushed(id);
    }

    @Transactional
    public ItemDetail reopenMeasure(UUID id, UUID measureId, long version) {
        measures.reopen(MEASURES, id, measureId, version);
        return flushed(id);
    }

    // ---------------------------------------------------------------- the life of an item

    @Transactional
    public ItemDetail start(UUID id, long version) {
        RectificationItemEntity i = ledger.enter(items, START, id, version).item();
        ledger.record(START, i, Changes.of());
        return flushed(i);
    }

    @Transactional
    public RectificationProgressView addProgress(UUID id, RectificationRequests.AddProgress req) {
        RectificationItemEntity i = ledger.enter(items, REPORT_PROGRESS, id, null).item();
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
        ledger.record(REPORT_PROGRESS, i, Changes.of()
                .set("progressId", p.id).set("reportedOn", p.reportedOn).set("content", p.content).set("cycle", p.cycle));
        return mapper.progress(p);
    }

    /** 申请销号: the unit says it is done (a supervisor may file it for the unit). */
    @Transactional
    public ItemDetail apply(UUID id, long version) {
        RectificationItemEntity i = ledger.enter(items, APPLY, id, version).item();
        i.appliedBy = user.subject();
        i.appliedByName = user.displayName();
        i.appliedAt = clock.instant();
        i.rejectionReason = null;
        ledger.record(APPLY, i, Changes.of().set("cycle", i.cycle));
        return flushed(i);
    }

    /** 销号: a second person verifies; the evidence as it is now is frozen into the close-off. */
    @Transactional
    public ItemDetail verify(UUID id, long version, RectificationRequests.Verify req) {
        RectificationItemEntity i = ledger.enter(items, VERIFY, id, version).item();
        if (req.verifiedOn().isAfter(warnings.today())) {
            throw ProblemException.invalidField("verifiedOn", "核验日期不能晚于今天");
        }
        List<Map<String, Object>> evidence = evidenceSnapshot(i, items.measures(i.id));
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
        ledger.record(VERIFY, i, Changes.of().set("closureId", c.id)
                .set("opinion", c.opinion).set("verifiedOn", c.verifiedOn).set("evidence", evidence).set("cycle", i.cycle));
        return flushed(i);
    }

    /** 驳回: back to 整改中 with the reason. */
    @Transactional
    public ItemDetail reject(UUID id, long version, String reason) {
        RectificationItemEntity i = ledger.enter(items, REJECT, id, version).item();
        i.rejectionReason = reason;
        ledger.record(REJECT, i, Changes.of().set("reason", reason));
        return flushed(i);
    }

    /** 反弹: a closed item is reopened into a new cycle; the earlier cycle's history stays. */
    @Transactional
    public ItemDetail reopen(UUID id, long version, String reason) {
        RectificationItemEntity i = ledger.enter(items, REOPEN, id, version).item();
        int previous = i.cycle;
        i.cycle++;
        i.closedAt = null;
        i.appliedBy = null;
        i.appliedByName = null;
        i.appliedAt = null;
        i.rejectionReason = null;
        ledger.record(REOPEN, i, Changes.of().set("reason", reason).field("cycle", previous, i.cycle));
        return flushed(i);
    }

    /** The files now attached to the item and its measures, as a close-off freezes them. */
    List<Map<String, Object>> evidenceSnapshot(RectificationItemEntity i, List<MeasureEntity> itemMeasures) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        List<AttachmentService.StoredFile> files = new ArrayList<>(attachments.currentFiles(RectificationRepository.EVIDENCE_ITEM, List.of(i.id)));
        files.addAll(attachments.currentFiles(RectificationRepository.EVIDENCE_MEASURE, itemMeasures.stream().map(m -> m.id).toList()));
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

    // ---------------------------------------------------------------- views

    RectificationItemEntity visible(UUID id) {
        return items.find(id, scope.current(), false).orElseThrow(() -> ProblemException.notFound(RectificationLifecycle.ITEM.label()));
    }

    /** Flushes so the answer carries the version the change produced. */
    private ItemDetail flushed(RectificationItemEntity i) {
        items.flush();
        return detail(i);
    }

    private ItemDetail flushed(UUID id) {
        items.flush();
        return detail(visible(id));
    }

    ItemDetail detail(RectificationItemEntity i) {
        return new ItemDetail(views(List.of(i)).get(0), measures.views(MEASURES, i.id),
                items.closures(i.id).stream().map(mapper::closure).toList());
    }

    List<ItemView> views(List<RectificationItemEntity> list) {
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(i -> i.unitId).distinct().toList());
        Map<UUID, OriginRef> from = origins.refs(list, i -> i.originType, i -> i.originId);
        return items.facts(list).stream().map(f -> {
            RectificationItemEntity i = f.item();
            return mapper.item(i, refs.get(i.unitId), i.originId == null ? null : from.get(i.originId), warning(i),
                    progressDue(i), ledger.allowed(RectificationLifecycle.ITEM, f));
        }).toList();
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
}
