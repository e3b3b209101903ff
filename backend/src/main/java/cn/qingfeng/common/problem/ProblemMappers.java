package cn.qingfeng.common.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem+json responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ProblemWriter writer;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.code(), e.title(), e.getMessage(), uri, e.violations(), e.extensions());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "validation", "Validation failed", detail, uri, fields, Map.of());
    }

    /** Quarkus maps this subtype itself (with an empty body); naming it here takes precedence. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        List<FieldViolation> fields = List.of();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            fields = List.of(new FieldViolation(field, reason(e)));
        }
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (fields.isEmpty() && duplicate.find()) {
            fields = List.of(new FieldViolation(duplicate.group(1), "同一字段出现了两次"));
        }
        return respond(400, fields.isEmpty() ? "malformed-json" : "validation", "Malformed request body",
                fields.isEmpty() ? "请求内容不是有效的 JSON" : fields.get(0).field() + ": " + fields.get(0).message(),
                uri, fields, Map.of());
    }

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    /** The reason in words: ours (StrictJson) are Chinese after the last colon; Jackson's own are not shown. */
    private static String reason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int colon = message.lastIndexOf(": ");
        String tail = colon < 0 ? "" : message.substring(colon + 2).trim();
        return !tail.isEmpty() && tail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? tail : "取值类型或格式不对";
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized",
                        "需要有效的登录凭证（Bearer token）", uri, List.of(), Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "你的角色无权执行该操作", uri, List.of(), Map.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return respond(412, "precondition-failed", "Precondition Failed",
                "该记录已被他人修改，请刷新后重试", uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
            if (cause instanceof ProblemException problem) {
                // A parameter refused by its converter (StrictParams): JAX-RS wraps it in a 404.
                return problem(problem, uri);
            }
        }
        if (status >= 500) {
            LOG.error("Server error", e);
            return respond(status, "internal-error", "Internal Server Error",
                    "服务器处理失败，反馈问题时请提供请求编号", uri, List.of(), Map.of());
        }
        if (status == 404 && e.getCause() != null && uri != null && !uri.getMatchedResources().isEmpty()
                && !uri.getQueryParameters().isEmpty()) {
            // JAX-RS answers 404 when a query parameter cannot be converted (e.g. limit=abc);
            // for a matched resource that is bad input, and the client needs the field's name.
            String message = String.valueOf(e.getCause().getMessage());
            List<FieldViolation> fields = uri.getQueryParameters().entrySet().stream()
                    .filter(q -> q.getValue().stream().anyMatch(v -> !v.isEmpty() && message.contains(v)))
                    .map(q -> new FieldViolation(q.getKey(), "invalid value"))
                    .toList();
            if (!fields.isEmpty()) {
                return respond(400, "validation", "Validation failed",
                        "参数取值无效：" + fields.stream().map(FieldViolation::field).collect(Collectors.joining(", ")),
                        uri, fields, Map.of());
            }
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String code = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = switch (status) {
            case 404 -> "请求的资源不存在";
            case 405 -> "该资源不支持此请求方法";
            case 406 -> "无法提供所请求的内容类型";
            case 413 -> "请求体超过服务器允许的大小";
            case 415 -> "不支持该请求内容类型";
            default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : title;
        };
        Response response = respond(status, code, title, detail, uri, List.of(), Map.of());
        if (status == 413) {
            // The client may still be sending; do not keep reading a body we refuse.
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return response;
    }

    /** The request's body broke off or is not multipart as announced: the client's mistake. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    /** Whether the failure happened while the multipart body was being parsed. */
    private static boolean inMultipartParsing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().contains(".multipart.") || java.util.Arrays.stream(t.getStackTrace())
                    .anyMatch(f -> f.getClassName().contains(".multipart.") || f.getClassName().endsWith("FormBodyHandler"))) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // A race the service's checks could not see (e.g. the same code created twice at once)
        // surfaces from the database, possibly only at commit.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505" -> {
                        return respond(409, "duplicate", "Conflict",
                                "该记录与已有记录重复（可能刚被他人创建），请刷新后重试", uri, List.of(), Map.of());
                    }
                    case "40001", "40P01", "55P03" -> {
                        return respond(409, "concurrent-update", "Conflict",
                                "该记录正被他人同时修改，请稍后重试", uri, List.of(), Map.of());
                    }
                    case "53300", "57014" -> {
                        return busy(uri);
                    }
                    default -> {
                    }
                }
            }
            // The pool had no connection free within its acquisition timeout (Agroal sets no SQLState).
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() == null
                    && String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                return busy(uri);
            }
        }
        if (inMultipartParsing(e)) {
            return respond(400, "malformed-multipart", "Bad Request", "上传内容不是完整的 multipart/form-data（边界、分段或文件名有误）",
                    uri, List.of(), Map.of());
        }
        LOG.error("Unhandled failure", e);
        return respond(500, "internal-error", "Internal Server Error",
                "服务器处理失败，反馈问题时请提供请求编号", uri, List.of(), Map.of());
    }

    /**
     * Overload, not a fault: the connection pool stayed exhausted, or a statement ran past its
     * timeout. The request changed nothing (its transaction never began or was rolled back); the
     * client may try again shortly.
     */
    private Response busy(UriInfo uri) {
        LOG.warn("Request refused under load: no database connection in time");
        Response r = respond(503, "service-busy", "Service Unavailable", "系统繁忙，请稍后重试（本次操作未生效）", uri, List.of(), Map.of());
        return Response.fromResponse(r).header("Retry-After", "2").build();
    }

    private Response respond(int status, String code, String title, String detail, UriInfo uri,
                             List<FieldViolation> violations, Map<String, Object> extensions) {
        Problem body = writer.problem(status, code, title, detail, uri == null ? null : uri.getPath(), violations, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * The client-facing name of a violated field: the property path inside a body
     * (e.g. {@code name}, {@code items[2].title}), or the parameter's name for a query or path parameter.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (!property.isEmpty()) {
                    property.append('.');
                }
                property.append(node.getName());
            }
            if (node.getIndex() != null && !property.isEmpty()) {
                property.append('[').append(node.getIndex()).append(']');
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter != null ? parameter : "request";
    }
}
