package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.web.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measure of a rectification item ({@code itemId}) or of a risk ({@code riskId}). */
@Schema(name = "Measure")
public record MeasureView(
        UUID id,
        @Schema(description = "The rectification item it belongs to") UUID itemId,
        @Schema(description = "The risk it belongs to") UUID riskId,
        @Schema(description = "The review (研判) that added it") UUID reviewId,
        String content,
        String ownerName,
        LocalDate deadline,
        MeasureStatus status,
        @Schema(description = "GREEN / YELLOW / RED while open; ON_TIME / LATE when done") Warning warning,
        Instant doneAt,
        @Schema(description = "Why it is not carried out (免于执行)") String waiveReason,
        @Schema(description = "What shows it was done (files: attachments of the measure)") String evidence,
        int sortOrder,
        long version,
        @Schema(description = "What the caller may do with it now") List<AllowedAction> allowedActions) implements Versioned {
}
