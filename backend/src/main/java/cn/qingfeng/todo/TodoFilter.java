package cn.qingfeng.todo;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the caller's to-do list. */
public class TodoFilter {

    /** The ledgers whose matters make to-dos. */
    @Schema(name = "TodoLedger")
    public enum Ledger { task, rectification, risk }

    @QueryParam("state")
    @DefaultValue("OPEN")
    @Parameter(description = "OPEN 待办 (default), DONE 已办, FINISHED 办结 or WITHDRAWN 撤回")
    public TodoState state;

    @QueryParam("ledger")
    @Parameter(description = "Only the to-dos of one ledger")
    public Ledger ledger;

    @QueryParam("kind")
    @Parameter(description = "Only the to-dos asking this, e.g. assignment.approve")
    public String kind;

    @QueryParam("q")
    @Parameter(description = "Text in the title")
    public String q;

    @QueryParam("overdue")
    @Parameter(description = "true: past their deadline only; false: not past it (or without one)")
    public Boolean overdue;
}
