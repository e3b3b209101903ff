package cn.qingfeng.unit;

/** Levels of the organisation: 局 → 处室 / 直属单位 → 党支部. */
public enum UnitKind {
    /** 局 (the bureau, the root). */
    BUREAU,
    /** 处室 (a department of the bureau). */
    DEPARTMENT,
    /** 直属单位 (an affiliated unit). */
    AFFILIATED,
    /** 党支部 (a Party branch). */
    BRANCH
}
