package cn.qingfeng.integration.oa;

import cn.qingfeng.common.web.Versioned;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Representations of the OA people mapping. */
public final class OaUserViews {

    private OaUserViews() {
    }

    @Schema(name = "OaUser", description = "An OA login and the Qingfeng user it is")
    public record OaUserView(
            @Schema(description = "The OA login (the record's key)") String id,
            String oaLogin,
            @Schema(description = "The Qingfeng (Keycloak) username, lower case") String username,
            String displayName,
            String note,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static OaUserView of(OaUserEntity e) {
            return new OaUserView(e.oaLogin, e.oaLogin, e.username, e.displayName, e.note, e.createdAt, e.updatedAt, e.version);
        }
    }

    @Schema(name = "OaUserImportResult", description = "What an import changed (all lines or none)")
    public record ImportResult(
            @Schema(description = "Data lines read (the header row aside)") int lines,
            int created,
            int updated,
            int unchanged) {
    }

    @Schema(name = "OaUserImportProblem", description = "Why one line of an import was refused")
    public record ImportProblem(
            @Schema(description = "Line of the file, 1 = the header row") int line,
            @Schema(description = "oaLogin, username, displayName or file") String field,
            String value,
            String message) {
    }

    /** The refusal's problem members. */
    record Refusal(List<ImportProblem> problems) {
    }
}
