package cn.qingfeng.common.openapi;

/**
 * Names of the documented error responses. The {@link ProblemResponsesFilter} adds 400, 401, 403,
 * 404, 406 and 500 to every operation; operations list the other statuses they can answer with
 * {@code @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")} (an extension, not
 * {@code @APIResponse}, so the generated success response stays).
 */
public final class ApiErrors {
    /** Operation extension listing extra problem statuses; the filter turns it into responses. */
    public static final String EXTENSION = "x-problem-statuses";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String URI_TOO_LONG = "UriTooLong";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNPROCESSABLE = "UnprocessableContent";
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    public static final String SERVER_ERROR = "ServerError";

    private ApiErrors() {
    }
}
