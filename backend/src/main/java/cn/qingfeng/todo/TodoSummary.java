package cn.qingfeng.todo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's open to-dos in three numbers (the notification bell). */
@Schema(name = "TodoSummary")
public record TodoSummary(
        @Schema(description = "Open to-dos") long open,
        @Schema(description = "Open ones not yet read") long unread,
        @Schema(description = "Open ones past their deadline") long overdue) {
}
