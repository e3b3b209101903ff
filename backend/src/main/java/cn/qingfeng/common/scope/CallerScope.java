package cn.qingfeng.common.scope;

/** The data scope of the current caller; every scoped read and write asks it. */
public interface CallerScope {

    /** The units the caller may see and act on (computed once per request). */
    DataScope current();
}
