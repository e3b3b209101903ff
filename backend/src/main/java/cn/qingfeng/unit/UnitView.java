package cn.qingfeng.unit;

import cn.qingfeng.common.ledger.AllowedAction;
import java.util.List;
import cn.qingfeng.common.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as the API shows it. */
@Schema(name = "Unit")
public record UnitView(
        UUID id,
        @Schema(description = "Unique, permanent code; users' `unit` claim names it", example = "SJ-CGZX") String code,
        @Schema(example = "体育场馆管理中心") String name,
        UnitKind kind,
        @Schema(description = "Absent for the bureau (root)") UUID parentId,
        @Schema(description = "0 for the bureau") int depth,
        int sortOrder,
        boolean active,
        @Schema(description = "Version for If-Match (also sent as ETag)") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "What the caller may do with the unit now") List<AllowedAction> allowedActions) implements Versioned {
}
