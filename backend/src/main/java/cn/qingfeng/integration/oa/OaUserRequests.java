package cn.qingfeng.integration.oa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the OA people mapping. */
public final class OaUserRequests {

    /** A Keycloak username: what Qingfeng's tokens carry as {@code preferred_username}. */
    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";
    static final String USERNAME_MESSAGE = "用户名只能包含字母、数字和 . _ @ -，最长 100 个字符";

    private OaUserRequests() {
    }

    @Schema(name = "OaUserPut", description = "The Qingfeng user an OA login is")
    public record Put(
            @NotBlank @Size(max = 100) @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE)
            @Schema(description = "Qingfeng (Keycloak) username; stored in lower case", example = "jiandu", required = true)
            String username,
            @Size(max = 200) @Schema(description = "The person's name as the OA shows it") String displayName,
            @Size(max = 500) String note) {
    }
}
