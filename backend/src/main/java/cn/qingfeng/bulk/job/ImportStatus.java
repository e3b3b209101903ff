package cn.qingfeng.bulk.job;

/** 校验中 → 待确认 → 导入中 → 已导入; or 失败 / 已取消. Validating and committing jobs are the worker's queue. */
public enum ImportStatus {
    VALIDATING, VALIDATED, COMMITTING, COMMITTED, FAILED, CANCELLED;

    public boolean queued() {
        return this == VALIDATING || this == COMMITTING;
    }

    public boolean ended() {
        return this == COMMITTED || this == FAILED || this == CANCELLED;
    }
}
