package cn.qingfeng.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit with the units below it. */
@Schema(name = "UnitTreeNode")
public record UnitTreeNode(UUID id, String code, String name, UnitKind kind, boolean active, int sortOrder,
                           @Schema(implementation = UnitTreeNode.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)
                           List<UnitTreeNode> children) {

    static UnitTreeNode of(UnitEntity u) {
        return new UnitTreeNode(u.id, u.code, u.name, u.kind, u.active, u.sortOrder, new ArrayList<>());
    }
}
