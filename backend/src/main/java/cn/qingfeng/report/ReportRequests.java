package cn.qingfeng.report;

import jakarta.validation.Valid;
import cn.qingfeng.common.input.InputRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReportRequests {

    private ReportRequests() {
    }

    @Schema(name = "ReportCreate", description = "period (2026H1, 2026Q2, 2026-05, 2026) or from/to; none: the current half-year. "
            + "unitId: the unit whose report it is (default: the bureau; a unit officer: their own unit)")
    public record Create(@Size(max = 20) String period, LocalDate from, LocalDate to, UUID unitId) {
    }

    @Schema(name = "ReportSectionEdit")
    public record SectionEdit(@NotBlank @Size(max = 100) String key,
                              @Schema(description = "The new text; null puts the drafted text back") @Size(max = 20000) String text) {
    }

    @Schema(name = "ReportUpdate", description = "The title and the sections given are changed, the others kept")
    public record Update(@Size(min = 1, max = 200) @Pattern(regexp = InputRules.NOT_BLANK, message = "标题不能为空") String title, @Size(max = 200) List<@Valid @NotNull SectionEdit> sections) {
    }
}
