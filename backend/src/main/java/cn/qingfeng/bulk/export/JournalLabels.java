package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.measure.MeasureStatus;
import cn.qingfeng.rectification.RectificationEnums;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.task.TaskEnums;
import cn.qingfeng.unit.UnitKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The journal in words, for the audit export: actions, record types, clients and changed fields
 * as the SPA's zh-CN locale says them (frontend/src/i18n/zh-CN.ts), and a change list as one line
 * of text ("标题：旧 → 新；状态：已下发"). What has no word here is shown by its code.
 */
final class JournalLabels {

    private static final Map<String, String> ACTIONS = new HashMap<>();
    private static final Map<String, String> TYPES = new HashMap<>();
    private static final Map<String, String> CLIENTS = Map.of("UI", "网页", "OA", "OA 系统", "IMPORT", "导入", "API", "接口", "SYSTEM", "系统");
    private static final Map<String, String> FIELDS = new HashMap<>();
    /** Ids journaled for linking records; the timeline does not show them, nor does the export. */
    private static final Set<String> HIDDEN = Set.of("taskId", "templateId", "progressId", "recordId", "urgeId", "attachmentId",
            "originId", "closureId", "obligationId", "reviewId", "measureId", "gradingId", "reportId");
    /** Fields whose codes mean the same on every record type. */
    private static final Map<String, Class<? extends Enum<?>>> SHARED_CODES = Map.of(
            "measureStatus", MeasureStatus.class, "role", TaskEnums.AssignmentRole.class, "onTime", Warning.class);
    /** Where a record type gives a field another meaning than the shared word. */
    private static final Map<String, Map<String, String>> TYPE_FIELDS = Map.of(
            "rectification", Map.of("cycle", "整改轮次", "deadline", "整改期限"));
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Set<String> UNIT_FIELDS = Set.of("unitId", "parentId", "issuingUnitId");
    /** The enums whose codes a record type's changes carry, by field. */
    private static final Map<String, Map<String, Class<? extends Enum<?>>>> CODES = Map.of(
            "task", Map.of("status", TaskEnums.Status.class, "category", TaskEnums.Category.class,
                    "priority", TaskEnums.Priority.class, "recurrence", TaskEnums.Recurrence.class),
            "task_assignment", Map.of("status", TaskEnums.AssignmentStatus.class, "role", TaskEnums.AssignmentRole.class),
            "rectification", Map.of("status", RectificationEnums.Status.class, "source", RectificationEnums.Source.class,
                    "category", RectificationEnums.Category.class, "severity", RectificationEnums.Severity.class,
                    "kind", RectificationEnums.Kind.class),
            "risk", Map.of("status", RiskEnums.Status.class, "category", RiskEnums.Category.class, "level", RiskEnums.Level.class,
                    "residualLevel", RiskEnums.Level.class, "reviewCycle", RiskEnums.ReviewCycle.class,
                    "cycle", RiskEnums.ReviewCycle.class, "kind", RiskEnums.ObligationKind.class),
            "rectification_measure", Map.of("status", MeasureStatus.class),
            "risk_measure", Map.of("status", MeasureStatus.class),
            "unit", Map.of("kind", UnitKind.class));

    static {
        String[][] actions = {
            {"rectification.created", "登记问题"}, {"rectification.updated", "修改问题"}, {"rectification.started", "开始整改"},
            {"rectification.measure-added", "添加整改措施"}, {"rectification.measure-done", "完成整改措施"},
            {"rectification.measure-waived", "整改措施免于执行"}, {"rectification.measure-reopened", "重新打开整改措施"},
            {"rectification.progress-reported", "报送整改进展"}, {"rectification.applied", "申请销号"},
            {"rectification.rejected", "退回整改"}, {"rectification.closed", "核验销号"}, {"rectification.reopened", "重新打开"},
            {"risk.created", "登记风险点"}, {"risk.updated", "修改风险点"}, {"risk.graded", "评级"},
            {"risk.regraded", "按新矩阵重新评级"}, {"risk.graded-by-review", "研判调整等级"}, {"risk.measure-added", "添加管控措施"},
            {"risk.measure-done", "完成管控措施"}, {"risk.measure-reopened", "重新打开管控措施"}, {"risk.control-started", "开始管控"},
            {"risk.control-resumed", "恢复管控"}, {"risk.controlled", "确认受控"}, {"risk.closed", "关闭风险"},
            {"risk.reopened", "重新打开"}, {"risk.reviewed", "记录研判"}, {"risk.reported", "向局报告"},
            {"risk.review-scheduled", "安排下次研判"}, {"risk.report-required", "须向局报告"}, {"risk.obligation-met", "按时完成"},
            {"risk.obligation-late", "逾期完成"}, {"risk.review-missed", "研判逾期未做"}, {"risk.report-missing", "漏报"},
            {"risk.status-set", "设置状态"}, {"risk-matrix.created", "发布评分矩阵"},
            {"unit.created", "新增单位"}, {"unit.updated", "修改单位"}, {"unit.renamed", "重命名单位"}, {"unit.moved", "移动单位"},
            {"unit.deactivated", "停用单位"}, {"unit.activated", "启用单位"},
            {"attachment.added", "上传附件"}, {"attachment.uploaded", "上传附件"}, {"attachment.removed", "撤回附件"},
            {"user.first-seen", "首次登录"}, {"user.profile-changed", "用户信息变更"},
            {"journal.read", "查阅日志"}, {"journal.verified", "校验日志链"}, {"journal.purged", "清理过期日志"},
            {"task.created", "新建任务"}, {"task.updated", "修改任务"}, {"task.changed-after-issue", "下发后修改任务"},
            {"task.issued", "下发任务"}, {"task.cancelled", "撤销任务"}, {"task.completed", "任务办结"},
            {"task.period-generated", "生成本期任务"},
            {"assignment.created", "分派承办单位"}, {"assignment.accepted", "签收"}, {"assignment.submitted", "报送"},
            {"assignment.approved", "办结"}, {"assignment.returned", "退回"}, {"assignment.cancelled", "撤销承办"},
            {"assignment.progress-reported", "报告进展"}, {"assignment.record-added", "添加工作记录"}, {"assignment.urged", "催办"},
            {"assignment.urge-replied", "回复催办"}, {"assignment.escalated", "逾期提醒负责人"},
            {"assignment.deadline-changed", "办理期限变更"},
            {Exporter.ACTION, "导出台账"},
            {"oa_user.created", "新增 OA 账号映射"}, {"oa_user.updated", "修改 OA 账号映射"}, {"oa_user.deleted", "删除 OA 账号映射"},
            {"todo.created", "生成待办"}, {"todo.updated", "待办更新"}, {"todo.done", "转为已办"}, {"todo.finished", "办结"},
            {"todo.withdrawn", "撤回待办"},
        };
        for (String[] a : actions) {
            ACTIONS.put(a[0], a[1]);
        }
        String[][] types = {
            {"user", "用户"}, {"unit", "单位"}, {"attachment", "附件"}, {"journal", "日志"}, {"task", "任务"},
            {"task_assignment", "承办事项"}, {"risk", "风险点"}, {"rectification", "整改事项"}, {"risk_matrix", "风险评分矩阵"},
            {"rectification_measure", "整改措施"}, {"risk_measure", "管控措施"}, {"risk_review", "风险研判"},
            {"task_record", "工作记录"}, {Exporter.ENTITY, "导出"}, {"oa_user", "OA 账号映射"}, {"todo", "待办"},
        };
        for (String[] t : types) {
            TYPES.put(t[0], t[1]);
        }
        String[][] fields = {
            {"severity", "严重程度"}, {"foundOn", "发现日期"}, {"origin", "来源记录"}, {"originType", "来源类型"},
            {"originNote", "来源说明"}, {"evidence", "佐证说明"}, {"opinion", "核验意见"}, {"verifiedOn", "核验日期"},
            {"measureStatus", "措施状态"}, {"unitId", "单位"}, {"version", "版本"}, {"majorMin", "重大风险最低分值"},
            {"significantMin", "较大风险最低分值"}, {"generalMin", "一般风险最低分值"}, {"colours", "等级颜色"},
            {"likelihoodLabels", "可能性分级名称"}, {"impactLabels", "影响程度分级名称"},
            {"source", "来源"}, {"filters", "查询条件"}, {"returned", "返回条数"}, {"roles", "角色"}, {"unitCode", "单位编码"},
            {"username", "用户名"}, {"displayName", "姓名"}, {"code", "编码"}, {"name", "名称"}, {"kind", "类型"},
            {"parentId", "上级单位"}, {"sortOrder", "排序"}, {"active", "状态"}, {"reason", "原因"}, {"path", "路径"},
            {"depth", "层级"}, {"filename", "文件名"}, {"sizeBytes", "大小"}, {"contentType", "文件类型"}, {"sha256", "SHA-256"},
            {"removedReason", "撤回原因"}, {"title", "标题"}, {"category", "类别"}, {"description", "说明"}, {"basis", "依据文号"},
            {"externalRef", "外部编号"}, {"externalSource", "外部来源"}, {"priority", "优先级"}, {"deadline", "办理期限"},
            {"status", "状态"}, {"recurrence", "重复周期"}, {"role", "承办角色"}, {"units", "承办单位"}, {"unitCount", "承办单位数"},
            {"taskCode", "任务编号"}, {"note", "说明"}, {"onTime", "办结情况"}, {"returnedCount", "退回次数"},
            {"reportedOn", "报告日期"}, {"content", "内容"}, {"percent", "完成比例"}, {"heldOn", "日期"}, {"topic", "主题"},
            {"participantCount", "参加人数"}, {"place", "地点"}, {"message", "催办内容"}, {"reply", "回复"},
            {"periodStart", "本期开始"}, {"periodEnd", "本期结束"}, {"likelihood", "可能性"}, {"impact", "影响程度"},
            {"score", "分值"}, {"level", "风险等级"}, {"residualLevel", "剩余风险等级"}, {"matrixVersion", "评分矩阵版本"},
            {"nextReviewOn", "下次研判日期"}, {"cycle", "研判周期"}, {"reviewCycle", "研判周期"}, {"reviewedOn", "研判日期"},
            {"dueOn", "应完成日期"}, {"dueAt", "应完成时间"}, {"fulfilledAt", "完成时间"}, {"participants", "参加人员"},
            {"conclusion", "研判结论"}, {"recipient", "报送对象"}, {"documentNo", "文号"}, {"manifestation", "表现形式"},
            {"responsibleLeader", "责任领导"}, {"responsiblePerson", "责任人"}, {"ownerName", "责任人"},
            {"ledger", "台账"}, {"format", "格式"}, {"rows", "行数"}, {"sort", "排序"}, {"fileName", "文件名"},
            {"intact", "链完整"}, {"checked", "已校验条数"}, {"firstBroken", "首个异常位置"}, {"cutoff", "截止时间"},
            {"removed", "清理条数"}, {"oaLogin", "OA 登录名"}, {"onBehalfOf", "OA 经办人"}, {"importFile", "导入文件"},
        };
        for (String[] f : fields) {
            FIELDS.put(f[0], f[1]);
        }
    }

    private JournalLabels() {
    }

    static String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }

    static String entityType(String code) {
        return code == null ? null : TYPES.getOrDefault(code, code);
    }

    static String client(String code) {
        return code == null ? null : CLIENTS.getOrDefault(code, code);
    }

    /** The change list in one line: "标题：旧 → 新；状态：已下发" (fields in the order journaled). */
    static String summary(String entityType, Map<String, Object> changes, UnitDirectory units) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            String field = e.getKey();
            if (HIDDEN.contains(field)) {
                continue;
            }
            String label = TYPE_FIELDS.getOrDefault(entityType, Map.of()).getOrDefault(field, FIELDS.getOrDefault(field, field));
            if (e.getValue() instanceof Map<?, ?> change && (change.containsKey("after") || change.containsKey("before"))) {
                String after = value(entityType, field, change.get("after"), units);
                parts.add(change.containsKey("before")
                        ? label + "：" + value(entityType, field, change.get("before"), units) + " → " + after
                        : label + "：" + after);
            } else {
                parts.add(label + "：" + value(entityType, field, e.getValue(), units));
            }
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static String value(String entityType, String field, Object v, UnitDirectory units) {
        if (v == null || (v instanceof String s && s.isEmpty())) {
            return "—";
        }
        if (v instanceof Boolean b) {
            return ExportLabels.yesNo(b);
        }
        if (v instanceof String s) {
            if (UNIT_FIELDS.contains(field)) {
                return unit(s, units);
            }
            if (field.equals("ledger") && Exporter.ENTITY.equals(entityType)) {
                return LedgerExports.LABELS.getOrDefault(s, s);
            }
            Class<? extends Enum<?>> type = CODES.getOrDefault(entityType, Map.of()).getOrDefault(field, SHARED_CODES.get(field));
            String word = type == null ? null : code(type, s);
            if (word != null) {
                return word;
            }
            return INSTANT.matcher(s).matches() ? ExportInfo.TIME.format(Instant.parse(s)) : s;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("unitId")) {
                // An issue plan's entry: {unitId, role} → "体育场馆管理中心（牵头）".
                String role = m.get("role") == null ? null : code(TaskEnums.AssignmentRole.class, m.get("role").toString());
                return unit(String.valueOf(m.get("unitId")), units) + (role == null ? "" : "（" + role + "）");
            }
            List<String> inner = new ArrayList<>();
            m.forEach((k, x) -> inner.add(FIELDS.getOrDefault(String.valueOf(k), String.valueOf(k)) + "="
                    + value(entityType, String.valueOf(k), x, units)));
            return String.join("，", inner);
        }
        if (v instanceof Collection<?> c) {
            return String.join("、", c.stream().map(x -> value(entityType, field, x, units)).toList());
        }
        return v.toString();
    }

    private static String unit(String id, UnitDirectory units) {
        try {
            String name = units.label(UUID.fromString(id));
            return name == null ? id : name;
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String code(Class<? extends Enum<?>> type, String code) {
        try {
            return ExportLabels.of(Enum.valueOf((Class) type, code));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
