package cn.qingfeng.todo;

import java.util.List;

/**
 * A ledger's contribution to "我的待办". Each ledger implements one; the to-do list is their union,
 * computed from the ledgers' current state (whose every change is in the journal).
 */
public interface TodoSource {

    /** What waits for the current caller, most urgent first, at most {@code limit} items. */
    List<TodoItem> todos(int limit);
}
