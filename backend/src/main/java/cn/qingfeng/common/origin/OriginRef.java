package cn.qingfeng.common.origin;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a record came from, resolved so a page can link to it; null when the caller may not see the source. */
@Schema(name = "OriginRef", description = "The record this one came from, resolved for display and linking")
public record OriginRef(
        @Schema(description = "The origin type as stored, e.g. RISK_REVIEW or TASK_ASSIGNMENT") String type,
        @Schema(description = "The origin record's id (e.g. the review)") UUID id,
        @Schema(description = "The page-level record holding it: risk, task") String entityType,
        @Schema(description = "Its id, e.g. the risk the review belongs to") UUID entityId,
        @Schema(description = "Readable, e.g. FX-2026-0003 名称（研判 2026-11-20）") String label) {
}
