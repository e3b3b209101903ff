package cn.qingfeng.unit;

import cn.qingfeng.common.input.InputRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the unit operations. */
public final class UnitRequests {

    private UnitRequests() {
    }

    @Schema(name = "CreateUnit")
    public record Create(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "大写字母、数字和连字符 (A-Z, 0-9, -)")
            @Schema(example = "SJ-CGZX-DZB") String code,
            @NotBlank @Size(max = 200) @Schema(example = "场馆中心党支部") String name,
            @NotNull UnitKind kind,
            @Schema(description = "The parent unit. Absent only for the bureau (kind BUREAU), the root, created once into an empty tree") UUID parentId,
            @Schema(description = "Position among its siblings (default 0)") Integer sortOrder) {
    }

    @Schema(name = "UpdateUnit", description = "Fields to change; absent fields stay as they are")
    public record Update(
            @Size(min = 1, max = 200) @Pattern(regexp = InputRules.NOT_BLANK, message = "不能为空") String name,
            Integer sortOrder) {
    }

    @Schema(name = "MoveUnit")
    public record Move(@NotNull UUID parentId) {
    }

    @Schema(name = "DeactivateUnit")
    public record Deactivate(@Size(max = 500) String reason) {
    }
}
