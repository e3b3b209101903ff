package cn.qingfeng.rectification;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.measure.MeasureView;

import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.web.Versioned;
import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Origin;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.unit.UnitRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Representations of the rectification ledger. */
public final class RectificationViews {

    private RectificationViews() {
    }

    @Schema(name = "RectificationItem")
    public record ItemView(
            UUID id,
            @Schema(example = "ZG-2026-0001") String code,
            String title,
            String description,
            Source source,
            Category category,
            Severity severity,
            LocalDate foundOn,
            UnitRef unit,
            String responsibleLeader,
            String responsiblePerson,
            Kind kind,
            LocalDate deadline,
            String externalSource,
            String externalRef,
            Origin originType,
            UUID originId,
            String originNote,
            @Schema(description = "The origin resolved for a link; null when none or not visible to the caller") OriginRef origin,
            Status status,
            @Schema(description = "1 for the first round; +1 after each reopening (反弹)") int cycle,
            String appliedByName,
            Instant appliedAt,
            String rejectionReason,
            Instant closedAt,
            LocalDate lastProgressOn,
            @Schema(description = "Traffic light: open items by deadline; closed ones ON_TIME / LATE") Warning warning,
            @Schema(description = "An ongoing item with no progress in the current period") boolean progressDue,
            String createdByName,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Schema(description = "What the caller may do with the item now") List<AllowedAction> allowedActions) implements Versioned {
    }

    @Schema(name = "RectificationDetail", description = "An item with its measures and close-off history")
    public record ItemDetail(ItemView item, List<MeasureView> measures, List<ClosureView> closures) implements Versioned {
        @Override
        public long version() {
            return item.version();
        }
    }

    @Schema(name = "RectificationProgress")
    public record RectificationProgressView(UUID id, UUID itemId, int cycle, LocalDate reportedOn, String content,
                               String reportedByName, Instant createdAt) {
    }

    @Schema(name = "RectificationClosure", description = "A verified close-off (销号) with the evidence frozen at that moment")
    public record ClosureView(UUID id, int cycle, String appliedByName, String verifiedByName, String opinion,
                              LocalDate verifiedOn,
                              @Schema(description = "[{attachmentId, ownerType, ownerId, filename, sha256, sizeBytes}]")
                              List<Map<String, Object>> evidence,
                              Instant createdAt) {
    }

    @Schema(name = "RectificationStats")
    public record Stats(long total, Map<String, Long> byStatus, Map<String, Long> bySource, Map<String, Long> byCategory,
                        Map<String, Long> bySeverity, List<UnitCount> byUnit,
                        @Schema(description = "整改完成率: closed / total, 0..1") double rectificationRate,
                        @Schema(description = "按时完成率: closed by the deadline / closed time-limited items, 0..1") double onTimeRate) {
    }

    @Schema(name = "RectificationUnitCount")
    public record UnitCount(UnitRef unit, long total, long closed) {
    }
}
