package cn.qingfeng.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error the API returns. */

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI reference naming the problem type", example = "https://qingfeng.example/problems/not-found") String type,
        @Schema(description = "Short summary of the problem type") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "Explanation of this occurrence, for people") String detail,
        @Schema(description = "Request path") String instance,
        @Schema(description = "Stable, machine-readable problem code", example = "unit.has-children") String code,
        @Schema(description = "Request id, also in the X-Request-Id header and the logs") String requestId,
        @Schema(description = "Offending fields of a validation problem") List<FieldViolation> violations,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://qingfeng.example/problems/";

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
