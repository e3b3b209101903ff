package cn.qingfeng.journal;

/**
 * Reacts to a journal event inside the transaction that records it, so whatever it writes commits
 * or rolls back with the change: the outbox of outbound events and the unified to-dos are fed this
 * way, from the one journal, never from hooks of their own in the ledgers.
 *
 * <p>A listener may record events itself (the to-dos journal their own lifecycle); those reach
 * every listener again, so a listener ignores the actions it produces.
 */
public interface JournalListener {

    /** Called after the event is persisted, in its transaction. */
    void recorded(EventEntity event);
}
