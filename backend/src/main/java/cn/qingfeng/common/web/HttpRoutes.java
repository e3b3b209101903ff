package cn.qingfeng.common.web;

import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.common.problem.FieldViolation;
import java.util.List;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.problem.ProblemWriter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
        filters.register(this::refuseOversizedBodies, 900);
        filters.register(this::refuseUnreadableParameters, 800);
    }

    /**
     * Parameters follow the same text rule as bodies ({@link InputRules#textProblem}): a NUL or a
     * control character in {@code q} or anywhere else is the client's mistake, named, not the database's.
     */
    private void refuseUnreadableParameters(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
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
     * A body announced larger than any upload may be is refused before it is read, as problem+json
     * (the transport limit behind this one answers a bare 413 to chunked bodies only).
     */
    private void refuseOversizedBodies(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long limit = config.attachments().maxSize().asLongValue() + MULTIPART_ALLOWANCE;
        if (length != null && rc.normalizedPath().startsWith("/api/")) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    problems.write(rc, 413, "payload-too-large", "Payload Too Large",
                            "请求体超过上限 " + config.attachments().maxSize().asLongValue() + " 字节");
                    return;
                }
            } catch (NumberFormatException e) {
                problems.write(rc, 400, "bad-request", "Bad Request", "Content-Length 不是数字");
                return;
            }
        }
        rc.next();
    }

    private void assignRequestId(RoutingContext rc) {
        String id = RequestId.choose(rc.request().getHeader(RequestId.HEADER));
        ContextLocals.put(RequestId.KEY, id);
        MDC.put("requestId", id);
        rc.put(RequestId.KEY, id);
        rc.response().putHeader(RequestId.HEADER, id);
        rc.next();
    }

    void routes(@Observes Router router) {
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
            case 413 -> problems.write(rc, 413, "payload-too-large", "Payload Too Large",
                    "请求体超过服务器允许的大小");
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
