package cn.qingfeng.bulk.importing;

import java.util.UUID;

/** What applying one record's rows did. */
public record Outcome(Kind kind, UUID recordId, String code, String title) {

    public enum Kind { CREATED, UPDATED, UNCHANGED, SKIPPED }
}
