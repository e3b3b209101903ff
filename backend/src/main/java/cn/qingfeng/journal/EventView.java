package cn.qingfeng.journal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A journal event as the API shows it. */
@Schema(name = "Event")
public record EventView(
        @Schema(description = "Position in the journal (increasing)") long seq,
        UUID id,
        Instant occurredAt,
        @Schema(description = "Subject (Keycloak id) of the actor; absent for the system") String actorSubject,
        String actorName,
        @Schema(enumeration = {"UI", "OA", "IMPORT", "API", "SYSTEM"}) String client,
        String clientId,
        @Schema(example = "unit.renamed") String action,
        @Schema(example = "unit") String entityType,
        String entityId,
        UUID unitId,
        @Schema(description = "Changed fields: {field: {before, after}}") Map<String, Object> changes,
        String requestId) {

    static EventView of(EventEntity e) {
        return new EventView(e.seq, e.id, e.occurredAt, e.actorSubject, e.actorName, e.client, e.clientId,
                e.action, e.entityType, e.entityId, e.unitId, e.changes, e.requestId);
    }
}
