package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.bulk.export.ExportLookups.Assigned;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.journal.EventFilter;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.rectification.RectificationFilter;
import cn.qingfeng.rectification.RectificationQueries;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.risk.RiskFilter;
import cn.qingfeng.risk.RiskObligationFilter;
import cn.qingfeng.risk.RiskQueries;
import cn.qingfeng.risk.RiskViews.RiskObligationView;
import cn.qingfeng.risk.RiskViews.RiskView;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskFilters;
import cn.qingfeng.task.TaskQueries;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The six exports: each is its list (the same filter bean, the same query, so the same rows in
 * the same scope and order) with its columns. The three ledgers write their workbook's columns
 * ({@link SchemaColumns}), so their files import back; assignments, obligations and the journal
 * have columns of their own, in words.
 */
@ApplicationScoped
public class LedgerExports {

    /** A task with the units it went to that the caller may see, by their part. */
    record TaskRow(TaskView task, List<UUID> lead, List<UUID> cooperating) {
    }

    /** An item or a risk with its measures' texts. */
    record Measured<V>(V view, List<String> measures) {
    }

    /** A journal event with its record's name (a code and title, a unit's name). */
    record EventRow(EventView event, String entity) {
    }

    /** Each export by its journal name, with the label its file and the journal's text give it. */
    static final Map<String, String> LABELS = Map.of(
            BulkLedger.TASKS.path, BulkLedger.TASKS.label,
            "assignments", "承办台账",
            BulkLedger.RECTIFICATIONS.path, BulkLedger.RECTIFICATIONS.label,
            BulkLedger.RISKS.path, BulkLedger.RISKS.label,
            "risk-obligations", "研判与报告义务",
            "events", "审计日志");

    @Inject
    Exporter exporter;

    @Inject
    ExportLookups lookups;

    @Inject
    CallerScope scope;

    @Inject
    TaskQueries tasks;

    @Inject
    RectificationQueries rectifications;

    @Inject
    RiskQueries risks;

    @Inject
    JournalService journal;

    public Response tasks(TaskFilters.Tasks f, ExportParams p) {
        DataScope visible = scope.current();
        return exporter.export(p, f, units -> new ExportSheet<>(BulkLedger.TASKS.path, BulkLedger.TASKS.label,
                LedgerSchemas.TASKS.main().name(), SchemaColumns.of(LedgerSchemas.TASKS.main(), LedgerExports::task, units),
                page -> withUnits(tasks.list(f, page), visible)));
    }

    public Response rectifications(RectificationFilter f, ExportParams p) {
        return exporter.export(p, f, units -> new ExportSheet<>(BulkLedger.RECTIFICATIONS.path, BulkLedger.RECTIFICATIONS.label,
                LedgerSchemas.RECTIFICATIONS.main().name(),
                SchemaColumns.of(LedgerSchemas.RECTIFICATIONS.main(), LedgerExports::rectification, units),
                page -> withMeasures(rectifications.list(f, page), MeasureOwnerType.RECTIFICATION, ItemView::id)));
    }

    public Response risks(RiskFilter f, ExportParams p) {
        return exporter.export(p, f, units -> new ExportSheet<>(BulkLedger.RISKS.path, BulkLedger.RISKS.label,
                LedgerSchemas.RISKS.main().name(), SchemaColumns.of(LedgerSchemas.RISKS.main(), LedgerExports::risk, units),
                page -> withMeasures(risks.list(f, page), MeasureOwnerType.RISK, RiskView::id)));
    }

    public Response assignments(TaskFilters.Assignments f, ExportParams p) {
        return exporter.export(p, f, units -> new ExportSheet<>("assignments", LABELS.get("assignments"), "承办事项", assignmentColumns(units),
                page -> tasks.assignments(f, page)));
    }

    public Response obligations(RiskObligationFilter f, ExportParams p) {
        return exporter.export(p, f, units -> new ExportSheet<>("risk-obligations", LABELS.get("risk-obligations"), "研判与报告义务",
                obligationColumns(units), page -> risks.obligations(f, page)));
    }

    public Response events(EventFilter f, ExportParams p) {
        return exporter.export(p, f, units -> new ExportSheet<>("events", LABELS.get("events"), "审计日志", eventColumns(units),
                page -> named(journal.page(f, page), units)));
    }

    // ---- the three ledgers: their workbook's columns ----------------------------------------

    static Object task(TaskRow r, String key) {
        TaskView t = r.task();
        return switch (key) {
            case "code" -> t.code();
            case "externalRef" -> t.externalRef();
            case "externalSource" -> t.externalSource();
            case "title" -> t.title();
            case "category" -> t.category();
            case "priority" -> t.priority();
            case "deadline" -> t.deadline();
            case "issuingUnitId" -> t.issuingUnit() == null ? null : t.issuingUnit().id();
            case "basis" -> t.basis();
            case "description" -> t.description();
            case "leadUnits" -> r.lead();
            case "cooperatingUnits" -> r.cooperating();
            case "status" -> t.status();
            default -> throw new IllegalArgumentException("no task field " + key);
        };
    }

    static Object rectification(Measured<ItemView> r, String key) {
        ItemView i = r.view();
        return switch (key) {
            case "code" -> i.code();
            case "externalRef" -> i.externalRef();
            case "externalSource" -> i.externalSource();
            case "title" -> i.title();
            case "description" -> i.description();
            case "source" -> i.source();
            case "category" -> i.category();
            case "severity" -> i.severity();
            case "foundOn" -> i.foundOn();
            case "unitId" -> i.unit() == null ? null : i.unit().id();
            case "responsibleLeader" -> i.responsibleLeader();
            case "responsiblePerson" -> i.responsiblePerson();
            case "kind" -> i.kind();
            case "deadline" -> i.deadline();
            case "measures" -> r.measures();
            case "status" -> i.status();
            default -> throw new IllegalArgumentException("no rectification field " + key);
        };
    }

    static Object risk(Measured<RiskView> r, String key) {
        RiskView k = r.view();
        return switch (key) {
            case "code" -> k.code();
            case "externalRef" -> k.externalRef();
            case "externalSource" -> k.externalSource();
            case "name" -> k.name();
            case "category" -> k.category();
            case "manifestation" -> k.manifestation();
            case "unitId" -> k.unit() == null ? null : k.unit().id();
            case "responsibleLeader" -> k.responsibleLeader();
            case "responsiblePerson" -> k.responsiblePerson();
            // The risk's own cycle, as the import compares it: the default of its level stays unwritten.
            case "reviewCycle" -> k.reviewCycleOverride();
            case "likelihood" -> k.likelihood();
            case "impact" -> k.impact();
            case "measures" -> r.measures();
            case "level" -> k.level();
            case "status" -> k.status();
            default -> throw new IllegalArgumentException("no risk field " + key);
        };
    }

    /** Each task with its units by part, as far as the caller may see them (a unit officer: their own). */
    private Page<TaskRow> withUnits(Page<TaskView> page, DataScope visible) {
        Map<UUID, List<Assigned>> plans = lookups.assignments(page.items().stream().map(TaskView::id).toList());
        List<TaskRow> rows = new ArrayList<>();
        for (TaskView t : page.items()) {
            List<UUID> lead = new ArrayList<>();
            List<UUID> cooperating = new ArrayList<>();
            for (Assigned a : plans.getOrDefault(t.id(), List.of())) {
                if (visible.contains(a.unitId())) {
                    (a.role() == AssignmentRole.LEAD ? lead : cooperating).add(a.unitId());
                }
            }
            rows.add(new TaskRow(t, lead, cooperating));
        }
        return new Page<>(rows, page.nextCursor());
    }

    private <V> Page<Measured<V>> withMeasures(Page<V> page, MeasureOwnerType type, Function<V, UUID> id) {
        Map<UUID, List<String>> measures = lookups.measures(type, page.items().stream().map(id).toList());
        return new Page<>(page.items().stream().map(v -> new Measured<>(v, measures.getOrDefault(id.apply(v), List.of()))).toList(),
                page.nextCursor());
    }

    // ---- lists without a workbook: columns of their own --------------------------------------

    private static List<ExportColumn<AssignmentView>> assignmentColumns(UnitDirectory units) {
        return List.of(
                ExportColumn.text("任务编号", AssignmentView::taskCode),
                ExportColumn.text("任务标题", AssignmentView::taskTitle),
                ExportColumn.text("任务类别", a -> ExportLabels.of(a.taskCategory())),
                ExportColumn.text("承办单位", a -> a.unit() == null ? null : units.label(a.unit().id())),
                ExportColumn.text("承办方式", a -> ExportLabels.of(a.role())),
                ExportColumn.text("状态", a -> ExportLabels.of(a.status())),
                ExportColumn.date("办理期限", AssignmentView::deadline),
                ExportColumn.text("预警", a -> ExportLabels.of(a.warning())),
                ExportColumn.time("签收时间", AssignmentView::acceptedAt),
                ExportColumn.time("报送时间", AssignmentView::submittedAt),
                ExportColumn.time("办结时间", AssignmentView::completedAt),
                ExportColumn.text("按时办结", a -> ExportLabels.yesNo(a.completedOnTime())),
                ExportColumn.number("退回次数", AssignmentView::returnedCount),
                ExportColumn.text("退回原因", AssignmentView::returnReason),
                ExportColumn.time("逾期提醒时间", AssignmentView::escalatedAt),
                ExportColumn.number("未回复催办", AssignmentView::openUrges));
    }

    private static List<ExportColumn<RiskObligationView>> obligationColumns(UnitDirectory units) {
        return List.of(
                ExportColumn.text("风险编号", o -> o.risk() == null ? null : o.risk().code()),
                ExportColumn.text("风险名称", o -> o.risk() == null ? null : o.risk().name()),
                ExportColumn.text("风险等级", o -> o.risk() == null ? null : ExportLabels.of(o.risk().level())),
                ExportColumn.text("责任单位", o -> o.unit() == null ? null : units.label(o.unit().id())),
                ExportColumn.text("类型", o -> ExportLabels.of(o.kind())),
                ExportColumn.date("应完成日期", RiskObligationView::dueOn),
                ExportColumn.time("应完成时间", RiskObligationView::dueAt),
                ExportColumn.text("完成情况", o -> ExportLabels.of(o.state())),
                ExportColumn.time("完成时间", RiskObligationView::fulfilledAt),
                ExportColumn.text("完成人", RiskObligationView::fulfilledByName),
                ExportColumn.time("取消时间", RiskObligationView::cancelledAt),
                ExportColumn.text("取消原因", RiskObligationView::cancelReason));
    }

    private static List<ExportColumn<EventRow>> eventColumns(UnitDirectory units) {
        return List.of(
                ExportColumn.time("时间", r -> r.event().occurredAt()),
                ExportColumn.text("操作人", r -> r.event().actorName()),
                ExportColumn.text("客户端", r -> JournalLabels.client(r.event().client())),
                ExportColumn.text("动作", r -> JournalLabels.action(r.event().action())),
                ExportColumn.text("对象类型", r -> JournalLabels.entityType(r.event().entityType())),
                ExportColumn.text("对象", EventRow::entity),
                ExportColumn.text("单位", r -> r.event().unitId() == null ? null : units.label(r.event().unitId())),
                ExportColumn.text("变更摘要", r -> JournalLabels.summary(r.event().entityType(), r.event().changes(), units)));
    }

    /** Each event with its record's name, looked up per page and record type. */
    private Page<EventRow> named(Page<EventView> page, UnitDirectory units) {
        Map<String, Set<String>> idsByType = new HashMap<>();
        for (EventView e : page.items()) {
            if (e.entityType() != null && e.entityId() != null) {
                idsByType.computeIfAbsent(e.entityType(), k -> new LinkedHashSet<>()).add(e.entityId());
            }
        }
        Map<String, Map<String, String>> names = new HashMap<>();
        idsByType.forEach((type, ids) -> names.put(type, lookups.names(type, ids, units::label)));
        return new Page<>(page.items().stream().map(e -> new EventRow(e, e.entityId() == null ? null
                : names.getOrDefault(e.entityType(), Map.of()).getOrDefault(e.entityId(), fileOrId(e)))).toList(),
                page.nextCursor());
    }

    /** An export is named by the file it wrote; anything else unnamed keeps its id. */
    private static String fileOrId(EventView e) {
        Object file = Exporter.ENTITY.equals(e.entityType()) && e.changes() != null ? e.changes().get("fileName") : null;
        return file instanceof Map<?, ?> change && change.get("after") != null ? change.get("after").toString() : e.entityId();
    }
}
