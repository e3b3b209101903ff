package cn.qingfeng.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookRequests {

    private WebhookRequests() {
    }

    private static final String ADAPTERS = "GENERIC|WEAVER|SEEYON|LANDRAY";
    private static final String ADAPTER_MESSAGE = "适配器只能是 GENERIC、WEAVER、SEEYON 或 LANDRAY";
    private static final String EVENT_TYPE = "[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*\\.?";

    @Schema(name = "WebhookSubscriptionCreate")
    public record Create(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 2000) @Schema(description = "http(s); internal addresses only for hosts an admin allowed") String url,
            @NotNull @Pattern(regexp = ADAPTERS, message = ADAPTER_MESSAGE) @Schema(enumeration = {"GENERIC", "WEAVER", "SEEYON", "LANDRAY"}) String adapter,
            @Size(max = 100) List<@NotBlank @Size(max = 100) @Pattern(regexp = EVENT_TYPE, message = "事件类型格式不对") String> eventTypes,
            @Size(max = 30) Map<@Size(max = 50) String, @Size(max = 500) String> settings) {
    }

    @Schema(name = "WebhookSubscriptionUpdate", description = "Only the fields given change; a settings value •••• keeps the stored one")
    public record Update(
            @Size(min = 1, max = 100) String name,
            @Size(min = 1, max = 2000) String url,
            @Size(max = 100) List<@NotBlank @Size(max = 100) @Pattern(regexp = EVENT_TYPE, message = "事件类型格式不对") String> eventTypes,
            @Size(max = 30) Map<@Size(max = 50) String, @Size(max = 500) String> settings,
            @Pattern(regexp = "ACTIVE|DISABLED", message = "状态只能是 ACTIVE 或 DISABLED") @Schema(enumeration = {"ACTIVE", "DISABLED"}) String status) {
    }

    @Schema(name = "WebhookReplayRange")
    public record ReplayRange(
            @NotNull UUID subscriptionId,
            @NotNull @Schema(description = "Deliveries created at or after") OffsetDateTime from,
            @NotNull @Schema(description = "Deliveries created before") OffsetDateTime to,
            @Pattern(regexp = "PENDING|RETRYING|DELIVERED|SKIPPED|DEAD", message = "状态不正确")
            @Schema(enumeration = {"PENDING", "RETRYING", "DELIVERED", "SKIPPED", "DEAD"}, description = "Only deliveries in this state") String status) {
    }

    @Schema(name = "WebhookAllowHost")
    public record AllowHost(@Size(max = 500) String note) {
    }
}
