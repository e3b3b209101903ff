package cn.qingfeng.bulk;

import static cn.qingfeng.bulk.ColumnType.DATE;
import static cn.qingfeng.bulk.ColumnType.ENUM;
import static cn.qingfeng.bulk.ColumnType.INT;
import static cn.qingfeng.bulk.ColumnType.LINES;
import static cn.qingfeng.bulk.ColumnType.PERSON;
import static cn.qingfeng.bulk.ColumnType.TEXT;
import static cn.qingfeng.bulk.ColumnType.UNIT;
import static cn.qingfeng.bulk.ColumnType.UNITS;

import cn.qingfeng.rectification.RectificationEnums;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.task.TaskEnums;
import java.util.List;
import java.util.Map;

/**
 * The workbook of each ledger, stated once: the template, the import's header matching and the
 * export's columns all read it, so an exported sheet is an importable one (the round trip).
 * Lengths are the API's.
 */
public final class LedgerSchemas {

    /** A ledger's workbook: its records' sheet and, optionally, their children's. */
    public record LedgerSchema(BulkLedger ledger, SheetSchema main, SheetSchema child) {

        public List<SheetSchema> sheets() {
            return child == null ? List.of(main) : List.of(main, child);
        }
    }

    /**
     * The template's example rows carry this reference (the record's, and their children's link to
     * it); the import leaves such rows out, so an example row left in the file is not imported.
     */
    public static final String EXAMPLE_REF = "示例";

    private static Column code(String header) {
        return Column.of("code", header, TEXT).max(50).aka("编号", "code", "系统编号")
                .note("已有记录的编号：填写时按编号更新该记录，新记录留空").build();
    }

    private static Column externalRef() {
        return Column.of("externalRef", "外部编号", TEXT).max(100).aka("文号", "来文编号", "来文文号", "外部文号", "external_ref")
                .note("来文文号等外部编号；同一来源下唯一，再次导入时据此识别同一条记录").build();
    }

    private static Column externalSource() {
        return Column.of("externalSource", "外部来源", TEXT).max(40).aka("来源系统", "external_source")
                .note("外部编号的来源，如 OA；留空则为 IMPORT").build();
    }

    private static Column parent(String what) {
        return Column.of(SheetSchema.PARENT, "所属" + what, TEXT).required().max(100)
                .aka(what + "编号", "所属" + what + "编号", "上级编号", "parentCode", "parent")
                .note("填写主表中该" + what + "的编号或外部编号").example(EXAMPLE_REF).build();
    }

    private static SheetSchema measures(String sheet, String what) {
        return new SheetSchema(sheet, true, List.of(
                parent(what),
                Column.of("content", "措施内容", TEXT).required().max(2000).aka("措施", "内容", "content").example("每月开展一次专项检查").build(),
                Column.of("ownerName", "责任人", PERSON).max(100).aka("措施责任人", "ownerName").example("张三").build(),
                Column.of("deadline", "完成期限", DATE).aka("完成时限", "期限", "deadline").example("2026-12-31").build()));
    }

    public static final LedgerSchema TASKS = new LedgerSchema(BulkLedger.TASKS,
            new SheetSchema("任务", false, List.of(
                    code("任务编号"),
                    externalRef(),
                    externalSource(),
                    Column.of("title", "任务标题", TEXT).required().max(200).aka("标题", "任务名称", "任务事项", "事项", "title")
                            .example("开展党风廉政建设专题学习").build(),
                    Column.of("category", "任务类别", ENUM).required().values(TaskEnums.Category.class).aka("类别", "category").example("理论学习").build(),
                    Column.of("priority", "优先级", ENUM).values(TaskEnums.Priority.class).aka("紧急程度", "priority").example("一般").build(),
                    Column.of("deadline", "办理期限", DATE).aka("截止日期", "完成时限", "期限", "deadline").example("2026-06-30")
                            .note("下发任务必须有办理期限").build(),
                    Column.of("issuingUnitId", "下发单位", UNIT).aka("发文单位", "issuingUnit").example("BUREAU")
                            .note("单位编码或全称；留空为导入人所在单位").build(),
                    Column.of("basis", "任务依据", TEXT).max(200).aka("依据", "文件依据", "basis").build(),
                    Column.of("description", "任务内容", TEXT).max(10000).aka("内容", "任务要求", "说明", "description").build(),
                    Column.of("leadUnits", "牵头单位", UNITS).aka("主办单位", "leadUnits")
                            .note("填写后任务即下发给这些单位；多个单位用顿号分隔").build(),
                    Column.of("cooperatingUnits", "配合单位", UNITS).aka("协办单位", "cooperatingUnits").build(),
                    Column.of("status", "状态", ENUM).values(TaskEnums.Status.class).readOnly().build())),
            new SheetSchema("承办单位", true, List.of(
                    parent("任务"),
                    Column.of("unitId", "承办单位", UNIT).required().aka("单位", "unit").example("DISCIPLINE").build(),
                    Column.of("role", "承办方式", ENUM).required().values(TaskEnums.AssignmentRole.class).aka("角色", "role").example("牵头").build())));

    public static final LedgerSchema RECTIFICATIONS = new LedgerSchema(BulkLedger.RECTIFICATIONS,
            new SheetSchema("整改事项", false, List.of(
                    code("整改编号"),
                    externalRef(),
                    externalSource(),
                    Column.of("title", "问题标题", TEXT).required().max(200).aka("标题", "问题", "存在问题", "title")
                            .example("党风廉政学习记录不完整").build(),
                    Column.of("description", "问题描述", TEXT).max(10000).aka("具体表现", "问题表现", "description").build(),
                    Column.of("source", "问题来源", ENUM).required().values(RectificationEnums.Source.class).aka("来源", "source").example("自查").build(),
                    Column.of("category", "问题类别", ENUM).required().values(RectificationEnums.Category.class).aka("类别", "category").example("理论学习").build(),
                    Column.of("severity", "严重程度", ENUM).required().values(RectificationEnums.Severity.class).aka("程度", "severity").example("一般").build(),
                    Column.of("foundOn", "发现日期", DATE).required().aka("发现时间", "foundOn").example("2026-03-15").build(),
                    Column.of("unitId", "责任单位", UNIT).required().aka("整改单位", "单位", "unit").example("OFFICE").build(),
                    Column.of("responsibleLeader", "责任领导", PERSON).max(100).aka("分管领导", "responsibleLeader").build(),
                    Column.of("responsiblePerson", "责任人", PERSON).max(100).aka("具体责任人", "responsiblePerson").build(),
                    Column.of("kind", "整改类型", ENUM).required().values(RectificationEnums.Kind.class).aka("整改方式", "kind").example("限期整改").build(),
                    Column.of("deadline", "整改期限", DATE).aka("完成时限", "截止日期", "deadline").example("2026-09-30")
                            .note("限期整改必须填写").build(),
                    Column.of("measures", "整改措施", LINES).aka("措施", "measures").note("每行一条措施；需要责任人和期限时用“整改措施”工作表").build(),
                    Column.of("status", "状态", ENUM).values(RectificationEnums.Status.class).readOnly().build())),
            measures("整改措施", "整改事项"));

    public static final LedgerSchema RISKS = new LedgerSchema(BulkLedger.RISKS,
            new SheetSchema("风险点", false, List.of(
                    code("风险编号"),
                    externalRef(),
                    externalSource(),
                    Column.of("name", "风险名称", TEXT).required().max(200).aka("风险点", "风险", "name").example("公务接待超标准").build(),
                    Column.of("category", "风险类别", ENUM).required().values(RiskEnums.Category.class).aka("类别", "category").example("廉政").build(),
                    Column.of("manifestation", "表现形式", TEXT).max(10000).aka("风险表现", "manifestation").build(),
                    Column.of("unitId", "责任单位", UNIT).required().aka("单位", "所属单位", "unit").example("OFFICE").build(),
                    Column.of("responsibleLeader", "第一责任人", PERSON).max(100).aka("责任领导", "responsibleLeader").build(),
                    Column.of("responsiblePerson", "责任人", PERSON).max(100).aka("具体责任人", "responsiblePerson").build(),
                    Column.of("reviewCycle", "研判周期", ENUM).values(RiskEnums.ReviewCycle.class).aka("周期", "reviewCycle")
                            .note("留空则按风险等级的默认周期").build(),
                    Column.of("likelihood", "可能性", INT).aka("发生可能性", "likelihood").note("1–5，与影响程度一起填写即评级").example("3").build(),
                    Column.of("impact", "影响程度", INT).aka("影响", "impact").note("1–5").example("4").build(),
                    Column.of("measures", "管控措施", LINES).aka("措施", "防控措施", "measures").note("每行一条措施；需要责任人和期限时用“管控措施”工作表").build(),
                    Column.of("level", "风险等级", ENUM).values(RiskEnums.Level.class).readOnly().build(),
                    Column.of("status", "状态", ENUM).values(RiskEnums.Status.class).readOnly().build())),
            measures("管控措施", "风险点"));

    public static final Map<BulkLedger, LedgerSchema> ALL = Map.of(
            BulkLedger.TASKS, TASKS, BulkLedger.RECTIFICATIONS, RECTIFICATIONS, BulkLedger.RISKS, RISKS);

    private LedgerSchemas() {
    }

    public static LedgerSchema of(BulkLedger ledger) {
        return ALL.get(ledger);
    }
}
