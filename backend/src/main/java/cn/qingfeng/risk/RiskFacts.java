package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Status;

/** What the risk ledger's rules read: the risk, its control measures and the newest matrix version. */
public record RiskFacts(RiskEntity risk, int measures, int openMeasures, int currentMatrixVersion) {

    public Status status() {
        return risk.status;
    }

    public boolean graded() {
        return risk.level != null;
    }
}
