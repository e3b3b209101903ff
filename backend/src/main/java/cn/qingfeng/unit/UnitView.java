package cn.qingfeng.unit;

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
        Instant updatedAt) implements Versioned {

    static UnitView of(UnitEntity u) {
        return new UnitView(u.id, u.code, u.name, u.kind, u.parentId, u.depth, u.sortOrder, u.active, u.version,
                u.createdAt, u.updatedAt);
    }
}
