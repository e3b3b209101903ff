package cn.qingfeng.unit;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference to a unit. */
@Schema(name = "UnitRef")
public record UnitRef(UUID id, String code, String name) {

    public static UnitRef of(UnitEntity u) {
        return new UnitRef(u.id, u.code, u.name);
    }
}
