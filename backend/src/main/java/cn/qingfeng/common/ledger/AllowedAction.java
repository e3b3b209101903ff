package cn.qingfeng.common.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One action the caller's role permits on a record, and whether it can be taken now. Clients show
 * a button per entry: enabled, or disabled with {@code reason}; entries blocked by {@code STATE}
 * are usually hidden (e.g. 反弹 on an item that is not closed). Actions the role does not permit
 * are not listed.
 */
@Schema(name = "AllowedAction")
public record AllowedAction(
        @Schema(description = "The action's stable code", example = "apply") String action,
        boolean enabled,
        @Schema(description = "What stops it now: the record's state, or a rule (precondition)") Blocked blocked,
        @Schema(description = "The refusal code the action would answer with", example = "rectification.measures-open") String reasonCode,
        @Schema(description = "Why not, for people", example = "还有 2 项整改措施未完成（或未说明理由免于执行）") String reason) {

    @Schema(name = "AllowedActionBlock")
    public enum Blocked { STATE, RULE }

    static AllowedAction enabled(String action) {
        return new AllowedAction(action, true, null, null, null);
    }

    static AllowedAction blocked(String action, Blocked by, Refusal refusal) {
        return new AllowedAction(action, false, by, refusal.code(), refusal.message());
    }
}
