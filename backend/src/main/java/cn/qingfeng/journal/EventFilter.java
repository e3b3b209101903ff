package cn.qingfeng.journal;

import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the journal list. */
public class EventFilter {

    @QueryParam("actor")
    @Parameter(description = "Actor subject or username-derived display name")
    public String actor;

    @QueryParam("action")
    @Parameter(description = "Exact action, or a prefix ending in '.' (e.g. 'unit.')")
    public String action;

    @QueryParam("entityType")
    public String entityType;

    @QueryParam("entityId")
    public String entityId;

    @QueryParam("unitId")
    public UUID unitId;

    @QueryParam("client")
    @Parameter(description = "UI, OA, IMPORT, API or SYSTEM")
    public String client;

    @QueryParam("from")
    @Parameter(description = "Occurred at or after (ISO-8601 with offset)")
    public OffsetDateTime from;

    @QueryParam("to")
    @Parameter(description = "Occurred before (ISO-8601 with offset)")
    public OffsetDateTime to;

    /** The filters that were set, for the journal's record of who read what. */
    java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        put(m, "actor", actor);
        put(m, "action", action);
        put(m, "entityType", entityType);
        put(m, "entityId", entityId);
        put(m, "unitId", unitId);
        put(m, "client", client);
        put(m, "from", from);
        put(m, "to", to);
        return m;
    }

    private static void put(java.util.Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v.toString());
        }
    }
}
