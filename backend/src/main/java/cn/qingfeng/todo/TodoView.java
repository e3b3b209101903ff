package cn.qingfeng.todo;

import cn.qingfeng.common.warning.Warning;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the caller's to-dos: one per matter, with every reason it waits on them. */
@Schema(name = "Todo")
public record TodoView(
        @Schema(description = "Stable for the to-do's whole life (the OA's to-do id)") UUID id,
        TodoState state,
        @Schema(description = "What is asked, stable codes, most important first (once not open: what was last asked)",
                example = "[\"assignment.report\", \"assignment.answer-urge\"]") List<String> kinds,
        @Schema(description = "What it concerns, for people", example = "RW-2026-0003 清明节节点纪律检查") String title,
        @Schema(description = "The step in words", example = "办理") String stepName,
        @Schema(description = "The kind of matter in words", example = "督办任务") String flowName,
        @Schema(description = "The matter's record type", example = "task_assignment") String flowType,
        @Schema(description = "The matter's record id") UUID flowId,
        @Schema(description = "SPA path where it is done", example = "/tasks/…?assignment=…") String link,
        UUID unitId,
        String unitName,
        @Schema(description = "Its nearest deadline") LocalDate due,
        @Schema(description = "The deadline's colour now; absent unless OPEN") Warning warning,
        @Schema(description = "Since when it waits (when it first opened)") Instant since,
        @Schema(description = "When it took its state") Instant changedAt,
        @Schema(description = "Whether the caller has opened it since it last asked something new") boolean read) {
}
