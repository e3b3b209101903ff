package cn.qingfeng.measure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the measures module. */
public final class MeasureRequests {

    private MeasureRequests() {
    }

    @Schema(name = "AddMeasure")
    public record Add(@NotBlank @Size(max = 2000) String content, @Size(max = 100) String ownerName, LocalDate deadline) {
    }

    @Schema(name = "CompleteMeasure", description = "Optional: what shows the measure was carried out")
    public record Complete(@Size(max = 2000) String evidence) {
    }
}
