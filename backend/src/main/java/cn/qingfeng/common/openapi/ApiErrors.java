package cn.qingfeng.common.openapi;

/**
 * Names of the documented error responses. The {@link ProblemResponsesFilter} adds 400, 401, 403,
 * 404, 406 and 500 to every operation; operations name the others they can return with
 * {@code @APIResponse(responseCode = "409", ref = ApiErrors.CONFLICT)} etc.
 */
public final class ApiErrors {
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    public static final String SERVER_ERROR = "ServerError";

    private ApiErrors() {
    }
}
