package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.EnumLabels;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.measure.MeasureStatus;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.task.TaskEnums;
import cn.qingfeng.unit.UnitKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The words an export needs beyond the ledgers' own ({@link EnumLabels}): the traffic lights and
 * the list filters, as the SPA's zh-CN locale says them, so an exported file reads like the screen.
 */
final class ExportLabels {

    private static final Map<Enum<?>, String> MORE = new HashMap<>();
    private static final Map<String, String> PARAMS = new HashMap<>();

    static {
        MORE.put(Warning.GREEN, "绿");
        MORE.put(Warning.YELLOW, "黄");
        MORE.put(Warning.RED, "红（逾期）");
        MORE.put(Warning.ON_TIME, "按时办结");
        MORE.put(Warning.LATE, "超期办结");
        MORE.put(Warning.NONE, "无期限");
        MORE.put(RiskEnums.ReviewState.RED, "研判逾期");
        MORE.put(RiskEnums.ReviewState.YELLOW, "即将到期");
        MORE.put(RiskEnums.ReviewState.GREEN, "正常");
        MORE.put(RiskEnums.ReviewState.NONE, "未安排研判");
        MORE.put(RiskEnums.Basis.INHERENT, "固有风险");
        MORE.put(RiskEnums.Basis.RESIDUAL, "剩余风险");
        MORE.put(TaskEnums.Recurrence.NONE, "不重复");
        MORE.put(TaskEnums.Recurrence.WEEKLY, "每周");
        MORE.put(TaskEnums.Recurrence.MONTHLY, "每月");
        MORE.put(TaskEnums.Recurrence.QUARTERLY, "每季度");
        MORE.put(TaskEnums.Recurrence.HALF_YEARLY, "每半年");
        MORE.put(MeasureStatus.OPEN, "未完成");
        MORE.put(MeasureStatus.DONE, "已完成");
        MORE.put(MeasureStatus.WAIVED, "免于执行");
        MORE.put(UnitKind.BUREAU, "局");
        MORE.put(UnitKind.DEPARTMENT, "处室");
        MORE.put(UnitKind.AFFILIATED, "直属单位");
        MORE.put(UnitKind.BRANCH, "党支部");

        String[][] params = {
            {"status", "状态"}, {"category", "类别"}, {"priority", "优先级"}, {"unitId", "单位"}, {"warning", "预警"},
            {"deadlineFrom", "期限起"}, {"deadlineTo", "期限止"}, {"q", "关键词"}, {"templateId", "周期任务"},
            {"open", "仅未办结"}, {"taskId", "任务"}, {"source", "来源"}, {"severity", "严重程度"}, {"kind", "类型"},
            {"level", "风险等级"}, {"reviewState", "研判预警"}, {"basis", "评级口径"}, {"likelihood", "可能性"},
            {"impact", "影响程度"}, {"graded", "已评级"}, {"includeClosed", "含已关闭"}, {"riskId", "风险点"},
            {"state", "完成情况"}, {"from", "起"}, {"to", "止"}, {"actor", "操作人"}, {"action", "动作"},
            {"entityType", "对象类型"}, {"entityId", "对象标识"}, {"client", "客户端"},
            {"externalSource", "外部来源"}, {"externalRef", "外部编号"},
        };
        for (String[] p : params) {
            PARAMS.put(p[0], p[1]);
        }
    }

    private ExportLabels() {
    }

    /** An enum value's word: the ledgers' own, else the ones above, else its code. */
    static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        String more = MORE.get(value);
        return more != null ? more : EnumLabels.label(value);
    }

    /** A list filter's name as people say it. */
    static String param(String name) {
        return PARAMS.getOrDefault(name, name);
    }

    static String yesNo(Boolean value) {
        return value == null ? null : value ? "是" : "否";
    }
}
