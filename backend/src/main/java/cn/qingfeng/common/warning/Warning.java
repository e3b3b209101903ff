package cn.qingfeng.common.warning;

/**
 * The traffic light of anything with a deadline (task assignments now; rectification measures and
 * risk reviews later). Open items are GREEN, YELLOW (due within the configured days) or RED
 * (overdue); closed ones are ON_TIME or LATE. NONE: open and without a deadline.
 */
public enum Warning {
    GREEN, YELLOW, RED, ON_TIME, LATE, NONE
}
