package cn.qingfeng.bulk.importing;

/** What a row does when its record already exists (matched by code, else by source and external reference). */
public enum Conflict {
    /** The row is a problem: the import stops unless only valid rows are taken. */
    STOP,
    /** The row is left alone and counted as skipped. */
    SKIP,
    /** The record takes the row's values; the same values change nothing (unchanged). */
    UPDATE
}
