package cn.qingfeng.integration.idempotency;

import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.integration.idempotency.IdempotencyStore.Claimed;
import cn.qingfeng.integration.idempotency.IdempotencyStore.InFlight;
import cn.qingfeng.integration.idempotency.IdempotencyStore.Replay;
import cn.qingfeng.integration.idempotency.IdempotencyStore.Reused;
import cn.qingfeng.integration.idempotency.IdempotencyStore.Stored;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotency-Key on every POST under {@code /api/v1} (draft-ietf-httpapi-idempotency-key-header-07).
 *
 * <p>Before the endpoint: the body is read once (and handed on, so the endpoint and the multipart
 * parser read it as sent), the fingerprint is the SHA-256 of method, path and query, content type
 * and the raw body ({@link Fingerprint}: a multipart boundary aside), and the key — scoped to the caller's subject — is claimed in a transaction of
 * its own. A key seen before answers the first response again ({@code Idempotent-Replayed: true}),
 * 409 {@code idempotency.in-flight} while the first is still being served, 422
 * {@code idempotency.key-reused} for another request. The OA's service account (role
 * {@code integration}) must send a key on every POST (400 {@code idempotency.key-missing}).
 *
 * <p>After the endpoint (its transaction has committed): the answer is serialised here, so the
 * stored bytes are the bytes sent, and kept with its status and headers; a 5xx (an exception is
 * mapped to one) releases the key instead, so the client's retry runs again.
 */
public class IdempotencyFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    static final String CLAIM = "qingfeng.idempotency.claim";
    /** Headers of the transport, not of the answer: never stored, never replayed. */
    private static final Set<String> TRANSPORT = Set.of("content-length", "transfer-encoding", "connection", "keep-alive",
            "date", "set-cookie", "x-request-id", IdempotencyKey.REPLAYED.toLowerCase(Locale.ROOT));

    @Inject
    IdempotencyStore store;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentVertxRequest vertx;

    /** After authentication and the role checks (they run before any filter), before the body is read. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> claim(ContainerRequestContext ctx) throws IOException {
        RoutingContext rc = vertx.getCurrent();
        if (!"POST".equals(ctx.getMethod()) || rc == null || !rc.normalizedPath().startsWith("/api/v1/")) {
            return Optional.empty();
        }
        List<String> values = rc.request().headers().getAll(IdempotencyKey.HEADER);
        if (values.isEmpty()) {
            if (user.authenticated() && user.hasRole(Roles.INTEGRATION)) {
                throw ProblemException.badRequest("idempotency.key-missing",
                        "OA 系统的每个 POST 请求都须带 Idempotency-Key，重试时使用同一个键");
            }
            return Optional.empty();
        }
        String key = IdempotencyKey.parse(values);
        if (!user.authenticated()) {
            return Optional.empty();
        }
        String uri = rc.request().uri();
        Fingerprint digest = new Fingerprint("POST", uri, rc.request().getHeader(HttpHeaders.CONTENT_TYPE));
        SpooledBody body = SpooledBody.read(ctx.getEntityStream(), digest);
        rc.addEndHandler(done -> body.discard());
        ctx.setEntityStream(body.open());
        String fingerprint = digest.hex();

        var outcome = store.claim(user.subject(), key, fingerprint, "POST", uri);
        if (outcome instanceof Claimed c) {
            ctx.setProperty(CLAIM, c);
            return Optional.empty();
        }
        if (outcome instanceof Replay r) {
            return Optional.of(replay(r.response()));
        }
        if (outcome instanceof Reused) {
            throw new ProblemException(422, "idempotency.key-reused", "Unprocessable Content",
                    "该 Idempotency-Key 已用于另一个请求（方法、地址或内容不同），新请求请使用新的键");
        }
        if (outcome instanceof InFlight) {
            throw ProblemException.conflict("idempotency.in-flight", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试");
        }
        throw new IllegalStateException(String.valueOf(outcome));
    }

    /** Runs after every other response filter (they run in descending priority), so their headers are kept too. */
    @ServerResponseFilter(priority = 10)
    public void keep(ContainerRequestContext req, ContainerResponseContext res) {
        if (!(req.getProperty(CLAIM) instanceof Claimed claim)) {
            return;
        }
        req.removeProperty(CLAIM);
        try {
            Stored stored = res.getStatus() >= 500 ? null : capture(res);
            if (stored == null) {
                store.release(claim);
            } else {
                store.complete(claim, stored);
            }
        } catch (RuntimeException e) {
            // The answer still goes out; the key is given back so that a retry is not refused for a day.
            LOG.warnf(e, "could not keep the answer of idempotency key %s", claim.key());
            try {
                store.release(claim);
            } catch (RuntimeException again) {
                LOG.errorf(again, "could not release idempotency key %s", claim.key());
            }
        }
    }

    /** The answer as it will be sent: the entity serialised once, here, and sent as those bytes. */
    private Stored capture(ContainerResponseContext res) {
        MediaType type = res.getMediaType();
        Object entity = res.getEntity();
        byte[] body;
        if (entity == null) {
            body = new byte[0];
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else if (type == null || isJson(type)) {
            type = type == null ? MediaType.APPLICATION_JSON_TYPE : type;
            try {
                body = json.writeValueAsBytes(entity);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            // A streamed answer cannot be replayed; no POST of the API streams one.
            return null;
        }
        if (entity != null) {
            res.setEntity(body, res.getEntityAnnotations(), type);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        res.getStringHeaders().forEach((name, v) -> {
            if (!TRANSPORT.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                headers.put(name, List.copyOf(v));
            }
        });
        if (type != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(type.toString()));
        }
        return new Stored(res.getStatus(), headers, body);
    }

    private static Response replay(Stored stored) {
        Response.ResponseBuilder b = Response.status(stored.status());
        String type = null;
        for (var h : stored.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                type = h.getValue().isEmpty() ? null : h.getValue().get(0);
                continue;
            }
            h.getValue().forEach(v -> b.header(h.getKey(), v));
        }
        if (stored.body() != null && stored.body().length > 0) {
            b.entity(stored.body());
            if (type != null) {
                b.type(type);
            }
        }
        return b.header(IdempotencyKey.REPLAYED, "true").build();
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }
}
