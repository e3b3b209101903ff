package cn.qingfeng.todo;

/** The journal actions of the unified to-do's lifecycle; each carries a {@link TodoSnapshot} as its changes. */
public final class TodoEvents {
    public static final String ENTITY = "todo";
    /** 待办: a receiver has something to do in a matter (also when a done to-do opens again, e.g. after 退回). */
    public static final String CREATED = "todo.created";
    /** Still open, but what is asked, its title or deadline changed. */
    public static final String UPDATED = "todo.updated";
    /** 已办: the receiver's part is done, the matter goes on. */
    public static final String DONE = "todo.done";
    /** 办结: the matter is finished for everyone. */
    public static final String FINISHED = "todo.finished";
    /** 撤回: the matter was cancelled or the receiver no longer concerned (unit or roles changed). */
    public static final String WITHDRAWN = "todo.withdrawn";

    private TodoEvents() {
    }
}
