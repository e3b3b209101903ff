package cn.qingfeng.common.web;

import cn.qingfeng.common.input.InputRules;
import org.eclipse.microprofile.config.ConfigProvider;
import cn.qingfeng.common.problem.FieldViolation;
import java.util.List;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.problem.ProblemWriter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.filters.Filters;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

/**
 * HTTP-level plumbing below JAX-RS: the request id on every request, and problem+json for the
 * failures that never reach a resource (body too large, unknown path under /api).
 */
@ApplicationScoped
public class HttpRoutes {

    /** Room for the multipart framing and form fields around a file of the largest allowed size. */
    private static final long MULTIPART_ALLOWANCE = 1024 * 1024;

    @Inject
    ProblemWriter problems;

    @Inject
    QingfengConfig config;

    /** Runs first for every request on the main interface. */
    void filters(@Observes Filters filters) {
        filters.register(this::assignRequestId, 1000);
        filters.register(this::secureHeaders, 990);
        filters.register(this::refuseLongUris, 980);
        filters.register(this::refuseForeignOrigins, 970);
        filters.register(this::refuseOversizedBodies, 900);
        filters.register(this::refuseUnreadableParameters, 800);
    }

    /**
     * Parameters follow the same text rule as bodies ({@link InputRules#textProblem}): a NUL or a
     * control character in {@code q} or anywhere else is the client's mistake, named, not the database's.
     */
    private void refuseUnreadableParameters(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
            if (!InputRules.wellEncoded(rc.request().query()) || !InputRules.wellEncoded(rc.request().path())) {
                String reason = "URL 中含有无法解读的字符编码（须为 UTF-8 的百分号编码）";
                problems.write(rc, 400, "validation", "Validation failed", reason, List.of(new FieldViolation("url", reason)));
                return;
            }
            for (var entry : rc.queryParams()) {
                var problem = InputRules.textProblem(entry.getKey()).or(() -> InputRules.textProblem(entry.getValue()));
                if (problem.isPresent()) {
                    problems.write(rc, 400, "validation", "Validation failed", entry.getKey() + ": " + problem.get(),
                            List.of(new FieldViolation(entry.getKey(), problem.get())));
                    return;
                }
            }
            var inPath = InputRules.textProblem(rc.normalizedPath());
            if (inPath.isPresent()) {
                problems.write(rc, 400, "validation", "Validation failed", "path: " + inPath.get(),
                        List.of(new FieldViolation("path", inPath.get())));
                return;
            }
        }
        rc.next();
    }

    /**
     * Every answer of the API: never sniffed into another type by a browser, never stored by a cache
     * (they are per-user, behind a token).
     */
    private void secureHeaders(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
        }
        rc.next();
    }

    /**
     * URIs longer than the configured limit answer 414 as problem+json (the transport's own limit is
     * set well above it, so that only an absurd URI meets the transport's bare answer).
     */
    private void refuseLongUris(RoutingContext rc) {
        if (rc.request().uri().length() > config.http().maxUriLength()) {
            problems.write(rc, 414, "uri-too-long", "URI Too Long",
                    "请求地址过长（上限 " + config.http().maxUriLength() + " 字符），请减少筛选条件");
            return;
        }
        rc.next();
    }

    /**
     * A browser on a site that is not one of ours is refused as problem+json before the CORS
     * handler would refuse it with an empty 403; allowed origins go on to it.
     */
    private void refuseForeignOrigins(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        if (origin != null && rc.normalizedPath().startsWith("/api/") && !allowedOrigins().contains(origin)) {
            problems.write(rc, 403, "cors.origin-not-allowed", "Forbidden", "不允许从该来源（" + origin + "）访问");
            return;
        }
        rc.next();
    }

    private java.util.Set<String> origins;

    /** Built once, before the first request (the event loops read them without locks). */
    @PostConstruct
    void init() {
        java.util.Set<String> all = new java.util.HashSet<>(ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of()));
        all.add(config.http().publicUrl().replaceAll("/+$", ""));
        origins = java.util.Set.copyOf(all);
        unsizedBodies = io.vertx.ext.web.handler.BodyHandler.create(false)
                .setBodyLimit(config.http().maxJsonSize().asLongValue());
    }

    private java.util.Set<String> allowedOrigins() {
        return origins;
    }

    /**
     * A body announced larger than it may be is refused before it is read, as problem+json: an
     * upload (multipart) up to the largest file plus its framing, anything else (JSON) up to
     * {@code qingfeng.http.max-json-size}. Bodies without a length are counted as they arrive
     * ({@link #letTheFormParserJudgeUnsizedUploads}).
     */
    private void refuseOversizedBodies(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null && rc.normalizedPath().startsWith("/api/")) {
            long limit = isMultipart(rc) ? config.attachments().maxSize().asLongValue() + MULTIPART_ALLOWANCE
                    : config.http().maxJsonSize().asLongValue();
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    problems.write(rc, 413, "payload-too-large", "Payload Too Large", tooLarge(rc));
                    return;
                }
            } catch (NumberFormatException e) {
                // Netty refuses a malformed length before any handler; this stays for any it lets through.
                problems.write(rc, 400, "bad-request", "Bad Request", "Content-Length 不是数字");
                return;
            }
        }
        rc.next();
    }

    private String tooLarge(RoutingContext rc) {
        return isMultipart(rc) ? "上传内容超过上限 " + config.attachments().maxSize().asLongValue() + " 字节"
                : "请求体超过上限 " + config.http().maxJsonSize().asLongValue() + " 字节";
    }

    private static boolean isMultipart(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * A body sent without a length (chunked, or HTTP/2) is counted as it arrives. A multipart one is
     * counted twice against the transport limit ({@code quarkus.http.limits.max-body-size}): by the
     * stream below the form parser, which answers a bare 413, and by the form parser, whose 413 the
     * API answers as problem+json; the stream's count is set a little above the parser's so the
     * parser is the one that refuses (the file's own limit is then checked on what was received).
     * Any other body is read here, up to {@code qingfeng.http.max-json-size}, so that going over it
     * fails the route and {@link #failure} answers.
     */
    private void letTheFormParserJudgeUnsizedUploads(RoutingContext rc) {
        Object limit = rc.get(VertxInputStream.MAX_REQUEST_SIZE_KEY);
        boolean streamed = rc.request().headers().contains("Transfer-Encoding") || rc.request().version() == io.vertx.core.http.HttpVersion.HTTP_2;
        if (!(limit instanceof Long bytes) || !streamed) {
            // Announced lengths were judged by refuseOversizedBodies; a request without a body has nothing to count.
            rc.next();
            return;
        }
        if (isMultipart(rc)) {
            rc.put(VertxInputStream.MAX_REQUEST_SIZE_KEY, bytes + MULTIPART_ALLOWANCE);
            rc.next();
        } else {
            unsizedBodies.handle(rc);
        }
    }

    private io.vertx.ext.web.handler.BodyHandler unsizedBodies;

    private void assignRequestId(RoutingContext rc) {
        String id = RequestId.choose(rc.request().getHeader(RequestId.HEADER));
        ContextLocals.put(RequestId.KEY, id);
        MDC.put("requestId", id);
        rc.put(RequestId.KEY, id);
        rc.response().putHeader(RequestId.HEADER, id);
        rc.next();
    }

    void routes(@Observes Router router) {
        // Right after the transport's own body limit has been set up (and before any handler reads).
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::letTheFormParserJudgeUnsizedUploads);
        // Failures raised by Vert.x handlers (e.g. the body limit answering 413) become problem+json.
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::failure);
        // Anything that no resource matched (the API serves nothing else on this interface).
        router.route("/*").order(Integer.MAX_VALUE).handler(rc ->
                problems.write(rc, 404, "not-found", "Not Found", "请求的资源不存在：" + rc.normalizedPath()));
    }

    private void failure(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
        switch (status) {
            case 413 -> problems.write(rc, 413, "payload-too-large", "Payload Too Large", tooLarge(rc));
            case 401 -> problems.write(rc, 401, "unauthorized", "Unauthorized", "需要有效的登录凭证（Bearer token）");
            case 403 -> problems.write(rc, 403, "forbidden", "Forbidden", "你的角色无权执行该操作");
            default -> {
                if (status >= 500) {
                    problems.log(rc.failure());
                    problems.write(rc, 500, "internal-error", "Internal Server Error",
                            "服务器处理失败，反馈问题时请提供请求编号");
                } else {
                    problems.write(rc, status, "http-" + status, "HTTP " + status, "请求被拒绝");
                }
            }
        }
    }
}
