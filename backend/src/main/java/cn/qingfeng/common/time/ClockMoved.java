package cn.qingfeng.common.time;

import java.time.Instant;

/**
 * Fired (CDI event) after a test deployment's clock moved, so what time alone changes (a review
 * coming due, an overdue to-do) is looked at again at once instead of at the next sweep.
 */
public record ClockMoved(Instant now) {
}
