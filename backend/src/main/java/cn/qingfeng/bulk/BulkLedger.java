package cn.qingfeng.bulk;

import cn.qingfeng.common.problem.ProblemException;
import java.util.Arrays;

/** The ledgers that import and export whole sheets, as their path names them. */
public enum BulkLedger {
    TASKS("tasks", "任务台账"),
    RECTIFICATIONS("rectifications", "整改台账"),
    RISKS("risks", "风险台账");

    public final String path;
    public final String label;

    BulkLedger(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public static BulkLedger of(String path) {
        return Arrays.stream(values()).filter(l -> l.path.equals(path)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("ledger", "台账只能是 tasks、rectifications 或 risks"));
    }
}
