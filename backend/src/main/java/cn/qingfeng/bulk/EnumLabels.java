package cn.qingfeng.bulk;

import cn.qingfeng.rectification.RectificationEnums;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.task.TaskEnums;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chinese words of the enums a spreadsheet carries, both ways: export writes the label, import
 * reads a label, a code or a common synonym. The SPA keeps its own locale; a sheet is read by people
 * outside it, so the server owns these words.
 */
public final class EnumLabels {

    private static final Map<Class<?>, Map<Enum<?>, List<String>>> WORDS = new LinkedHashMap<>();

    static {
        words(TaskEnums.Category.STUDY, "理论学习", "学习");
        words(TaskEnums.Category.DEPLOYMENT, "工作部署", "部署");
        words(TaskEnums.Category.TRAINING, "专题培训", "培训");
        words(TaskEnums.Category.RESPONSIBILITY_LETTER, "责任书");
        words(TaskEnums.Category.INTEGRITY_TALK, "廉政谈话", "谈话");
        words(TaskEnums.Category.INSPECTION, "监督检查", "检查");
        words(TaskEnums.Category.HOLIDAY_DISCIPLINE, "节点纪律", "节点纪律检查");
        words(TaskEnums.Category.RULES, "制度建设");
        words(TaskEnums.Category.MEETING, "会议");
        words(TaskEnums.Category.REPORT, "报送");
        words(TaskEnums.Category.OTHER, "其他");
        words(TaskEnums.Priority.LOW, "低");
        words(TaskEnums.Priority.NORMAL, "一般", "普通", "中");
        words(TaskEnums.Priority.HIGH, "高", "重要");
        words(TaskEnums.Priority.URGENT, "紧急", "特急");
        words(TaskEnums.Status.DRAFT, "草稿");
        words(TaskEnums.Status.ISSUED, "已下发");
        words(TaskEnums.Status.COMPLETED, "已完成");
        words(TaskEnums.Status.CANCELLED, "已撤销");
        words(TaskEnums.AssignmentRole.LEAD, "牵头", "牵头单位", "主办");
        words(TaskEnums.AssignmentRole.COOPERATING, "配合", "配合单位", "协办", "协办单位");
        words(TaskEnums.AssignmentStatus.PENDING, "待签收");
        words(TaskEnums.AssignmentStatus.IN_PROGRESS, "办理中");
        words(TaskEnums.AssignmentStatus.SUBMITTED, "已报送");
        words(TaskEnums.AssignmentStatus.DONE, "已办结");
        words(TaskEnums.AssignmentStatus.CANCELLED, "已撤销");

        words(RectificationEnums.Source.SELF_CHECK, "自查");
        words(RectificationEnums.Source.INSPECTION_TOUR, "巡察", "巡视巡察");
        words(RectificationEnums.Source.AUDIT, "审计");
        words(RectificationEnums.Source.SUPERVISION, "上级督查", "督查");
        words(RectificationEnums.Source.COMPLAINT, "信访举报", "信访", "举报");
        words(RectificationEnums.Source.OTHER, "其他");
        words(RectificationEnums.Category.STUDY, "理论学习", "学习");
        words(RectificationEnums.Category.POSITION_BUILDING, "阵地建设");
        words(RectificationEnums.Category.SECRECY, "保密");
        words(RectificationEnums.Category.IDEOLOGY, "意识形态");
        words(RectificationEnums.Category.WORK_STYLE, "作风", "作风建设");
        words(RectificationEnums.Category.INTEGRITY, "廉政", "廉洁");
        words(RectificationEnums.Category.OTHER, "其他");
        words(RectificationEnums.Severity.MINOR, "一般");
        words(RectificationEnums.Severity.MODERATE, "较重");
        words(RectificationEnums.Severity.SERIOUS, "严重");
        words(RectificationEnums.Kind.TIME_LIMITED, "限期整改", "限期");
        words(RectificationEnums.Kind.ONGOING, "长期坚持", "长期");
        words(RectificationEnums.Status.PENDING, "待整改");
        words(RectificationEnums.Status.IN_PROGRESS, "整改中");
        words(RectificationEnums.Status.APPLIED, "申请销号");
        words(RectificationEnums.Status.CLOSED, "已销号");

        words(RiskEnums.Category.IDEOLOGY, "意识形态");
        words(RiskEnums.Category.SECRECY, "保密");
        words(RiskEnums.Category.INTEGRITY, "廉政", "廉洁");
        words(RiskEnums.Category.PUBLIC_OPINION, "网络舆情", "舆情");
        words(RiskEnums.Category.WORK_STYLE, "作风");
        words(RiskEnums.Category.OTHER, "其他");
        words(RiskEnums.Level.MAJOR, "重大");
        words(RiskEnums.Level.SIGNIFICANT, "较大");
        words(RiskEnums.Level.GENERAL, "一般");
        words(RiskEnums.Level.LOW, "低");
        words(RiskEnums.Status.IDENTIFIED, "已识别");
        words(RiskEnums.Status.CONTROLLING, "管控中");
        words(RiskEnums.Status.CONTROLLED, "已受控");
        words(RiskEnums.Status.CLOSED, "已关闭");
        words(RiskEnums.ReviewCycle.MONTHLY, "每月", "月度");
        words(RiskEnums.ReviewCycle.QUARTERLY, "每季度", "季度");
        words(RiskEnums.ReviewCycle.HALF_YEARLY, "每半年", "半年");
        words(RiskEnums.ReviewCycle.YEARLY, "每年", "年度");
        words(RiskEnums.ObligationKind.REVIEW, "定期研判");
        words(RiskEnums.ObligationKind.REPORT, "重大风险报告");
        words(RiskEnums.ObligationState.PENDING, "待履行");
        words(RiskEnums.ObligationState.MET, "按时");
        words(RiskEnums.ObligationState.LATE, "逾期");
        words(RiskEnums.ObligationState.MISSING, "未履行");
        words(RiskEnums.ObligationState.CANCELLED, "已取消");
    }

    private EnumLabels() {
    }

    private static void words(Enum<?> value, String label, String... synonyms) {
        List<String> all = new java.util.ArrayList<>();
        all.add(label);
        all.addAll(List.of(synonyms));
        WORDS.computeIfAbsent(value.getDeclaringClass(), k -> new LinkedHashMap<>()).put(value, all);
    }

    /** The label a sheet shows; the code for an enum without words (a gap the test of this class finds). */
    public static String label(Enum<?> value) {
        if (value == null) {
            return null;
        }
        Map<Enum<?>, List<String>> of = WORDS.get(value.getDeclaringClass());
        List<String> w = of == null ? null : of.get(value);
        return w == null ? value.name() : w.get(0);
    }

    /** The labels of every value, in declaration order (a template's dropdown). */
    public static <E extends Enum<E>> List<String> labels(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(EnumLabels::label).toList();
    }

    /** Whether every value of the type has words. */
    public static boolean covers(Class<? extends Enum<?>> type) {
        Map<Enum<?>, List<String>> of = WORDS.get(type);
        return of != null && of.size() == type.getEnumConstants().length;
    }

    /** A value as typed: its label, a synonym, or its code in any case. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.trim();
        Map<Enum<?>, List<String>> of = WORDS.getOrDefault(type, Map.of());
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(t.replace('-', '_').replace(' ', '_'))) {
                return Optional.of(value);
            }
            List<String> w = of.get(value);
            if (w != null && w.contains(t)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

}
