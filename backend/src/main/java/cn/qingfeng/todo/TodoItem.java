package cn.qingfeng.todo;

import cn.qingfeng.common.warning.Warning;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing waiting for the caller. */
@Schema(name = "Todo")
public record TodoItem(
        @Schema(description = "What to do, a stable code", example = "assignment.accept") String kind,
        @Schema(description = "What it concerns, for people", example = "RW-2026-0003 清明节节点纪律检查") String title,
        @Schema(example = "task_assignment") String entityType,
        UUID entityId,
        @Schema(description = "SPA path of the record", example = "/tasks/…?assignment=…") String link,
        UUID unitId,
        LocalDate due,
        Warning warning,
        @Schema(description = "Since when it waits") Instant since) {
}
