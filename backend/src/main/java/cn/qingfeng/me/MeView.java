package cn.qingfeng.me;

import cn.qingfeng.unit.UnitRef;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the caller is and what they may see. */
@Schema(name = "Me")
public record MeView(
        @Schema(description = "Keycloak subject id") String subject,
        String username,
        @Schema(example = "刘洋") String displayName,
        @Schema(description = "The caller's own unit; absent for service accounts") UnitRef unit,
        @Schema(description = "Realm roles") Set<String> roles,
        @Schema(enumeration = {"UI", "OA", "IMPORT", "API"}) String client,
        Scope scope,
        @Schema(description = "Operations the caller's roles may call among those not open to everyone "
                + "(operationIds, e.g. createTask, listEvents): what the UI offers, as the server decides it. "
                + "Whether an action can be taken on a record now is that record's allowedActions.")
        List<String> permissions) {

    @Schema(name = "MeScope", description = "Data scope: all units, or the listed ones")
    public record Scope(
            @Schema(description = "True when the caller sees every unit") boolean all,
            @Schema(description = "The units the caller sees when not all (own unit and below)") List<UnitRef> units) {
    }
}
