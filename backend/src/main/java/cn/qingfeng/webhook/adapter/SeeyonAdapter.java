package cn.qingfeng.webhook.adapter;

import cn.qingfeng.todo.TodoSnapshot;
import cn.qingfeng.webhook.OutboundEvent;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SEEYON: 致远 A8/V5 第三方待办 (CIP {@code thirdpartyPending}) over REST/JSON.
 *
 * <p>Token: {@code POST {url}/seeyon/rest/token} {@code {"userName","password"}} (a REST account set up
 * in Seeyon's 系统管理 → REST用户) answers {@code {"id": "<token>", …}}; the token goes in the
 * {@code token} header of every call. It is cached per OA and REST user for {@code tokenTtlSeconds};
 * a 401 drops it, and the call is repeated once with a fresh token.
 *
 * <p>Requests ({@code POST}, {@code Content-Type: application/json; charset=UTF-8}, header {@code token}):
 * <ul>
 *   <li>OPEN (待办, also after an update): {@code /seeyon/rest/thirdpartyPending/receive} with
 *       {@code registerCode, taskId, title, senderName, classify, contentType, state "0", thirdSenderId,
 *       thirdReceiverId, creationDate (yyyy-MM-dd HH:mm), url, h5url, noneBindingSender, noneBindingReceiver};</li>
 *   <li>DONE (已办) and FINISHED (办结 — Seeyon knows only 待办/已办): {@code /seeyon/rest/thirdpartyPending/updatePendingState}
 *       {@code {registerCode, taskId, state "1", subState "0"}} (0 = 同意已办);</li>
 *   <li>WITHDRAWN: the same call with {@code subState "2"} (取消) — Seeyon's documented pending API has
 *       receive, receive/pendings and updatePendingState but no delete, and a cancelled item leaves the
 *       receiver's 待办 list just the same.</li>
 * </ul>
 * {@code taskId} is the to-do's own id (one per receiver and matter); {@code thirdReceiverId} and
 * {@code noneBindingReceiver} the receiver's OA login, so Seeyon finds the person with or without a
 * bound mapping. Dates Asia/Shanghai; {@code creationDate} as {@code yyyy-MM-dd HH:mm} per Seeyon's CIP page
 * (some integrators' code sends seconds, which Seeyon also accepts).
 *
 * <p>Answer: {@code {"success": true|false, "errorMsgs": [{"code","message"}…]}}: success → DELIVERED;
 * {@code false} → REJECTED (e.g. unknown registerCode or receiver); a 2xx body without {@code success}
 * → RETRY. Sources: Seeyon's CIP 第三方待办 page (paths, fields, formats) and integrators' clients
 * (token call and header, answer shape, subState values).
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code registerCode} — the 注册系统编码 of Qingfeng in Seeyon (default {@code qingfeng});</li>
 *   <li>{@code userName}, {@code password} — the REST account (required);</li>
 *   <li>{@code tokenTtlSeconds} — how long a token is reused (default 600);</li>
 *   <li>{@code restPath} — the REST root (default {@code /seeyon/rest});</li>
 *   <li>{@code classify} — the 类别 shown (default: the matter's kind, e.g. 督办任务);</li>
 *   <li>{@code contentType} — the 内容类型 (default: not sent);</li>
 *   <li>{@code systemSender} — the sender login when no person caused the change (default: the receiver's).</li>
 * </ul>
 */
@ApplicationScoped
public class SeeyonAdapter implements DeliveryAdapter {

    public static final String CODE = "SEEYON";
    static final String TOKEN = "/token";
    static final String RECEIVE = "/thirdpartyPending/receive";
    static final String UPDATE_STATE = "/thirdpartyPending/updatePendingState";

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** Tokens per OA base URL and REST user; shared by all deliveries of this instance. */
    private final ConcurrentMap<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    /** The token call did not give a token: the attempt ends with this result. */
    private static final class NoToken extends Exception {
        final transient DeliveryResult result;

        NoToken(DeliveryResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    public SeeyonAdapter() {
        this(Clock.systemUTC());
    }

    SeeyonAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public DeliveryResult deliver(OutboundEvent event, Target target) {
        Optional<TodoDelivery> d = TodoDelivery.of(event);
        if (d.isEmpty()) {
            return DeliveryResult.skipped("Seeyon receives to-dos only; " + event.type() + " is not mapped");
        }
        DeliveryHttp http = new DeliveryHttp(target, clock);
        if (target.setting("userName", null) == null || target.setting("password", null) == null) {
            return http.outcome(Outcome.REJECTED, 0, "settings userName and password (Seeyon REST account) are required");
        }
        TodoDelivery todo = d.get();
        String path = todo.step == TodoDelivery.Step.OPEN ? RECEIVE : UPDATE_STATE;
        Map<String, Object> body = todo.step == TodoDelivery.Step.OPEN ? pending(event, todo.todo, target)
                : state(todo.todo, target, todo.step == TodoDelivery.Step.WITHDRAWN ? "2" : "0");
        String cacheKey = target.url() + "|" + target.setting("userName", "");
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            Token token = tokens.get(cacheKey);
            if (token == null || !clock.instant().isBefore(token.expires())) {
                token = fetchToken(http, target, cacheKey);
            }
            DeliveryHttp.Answer answer = http.send(call(target, path, bytes, token.value()));
            if (answer.status() == 401) {
                // Seeyon says the token lapsed (idle timeout, server restart): one fresh token, one more try.
                tokens.remove(cacheKey, token);
                token = fetchToken(http, target, cacheKey);
                answer = http.send(call(target, path, bytes, token.value()));
            }
            return http.result(answer, this::verdict);
        } catch (NoToken e) {
            return e.result;
        } catch (IOException | InterruptedException e) {
            return http.failed(e);
        }
    }

    private HttpRequest.Builder call(Target target, String path, byte[] body, String token) {
        return HttpRequest.newBuilder(TodoDelivery.endpoint(target, restPath(target) + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("token", token);
    }

    private Token fetchToken(DeliveryHttp http, Target target, String cacheKey) throws IOException, InterruptedException, NoToken {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("userName", target.setting("userName", ""));
        credentials.put("password", target.setting("password", ""));
        DeliveryHttp.Answer answer = http.send(HttpRequest.newBuilder(TodoDelivery.endpoint(target, restPath(target) + TOKEN))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(credentials)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json"));
        if (!answer.is2xx()) {
            throw new NoToken(http.result(answer, DeliveryHttp.BodyCheck.ANY));
        }
        String value = tokenOf(answer.body());
        if (value == null) {
            throw new NoToken(http.outcome(Outcome.RETRY, answer.status(), "no token in Seeyon's answer: " + answer.body()));
        }
        long ttl;
        try {
            ttl = Long.parseLong(target.setting("tokenTtlSeconds", "600"));
        } catch (NumberFormatException e) {
            ttl = 600;
        }
        Token token = new Token(value, clock.instant().plus(Duration.ofSeconds(Math.max(ttl, 0))));
        tokens.put(cacheKey, token);
        return token;
    }

    /** {@code {"id": "…"}}; older servers answer the bare token as text. */
    private String tokenOf(String body) {
        String b = body == null ? "" : body.trim();
        try {
            JsonNode n = json.readTree(b);
            if (n != null && n.hasNonNull("id") && !n.get("id").asText().isBlank()) {
                return n.get("id").asText();
            }
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        } catch (JsonProcessingException e) {
            if (b.matches("[A-Za-z0-9._-]{8,}")) {
                return b;
            }
        }
        return null;
    }

    private Map<String, Object> pending(OutboundEvent event, TodoSnapshot t, Target target) {
        String receiver = target.loginOf(t.receiverUsername());
        String sender = t.senderUsername() != null ? target.loginOf(t.senderUsername()) : target.setting("systemSender", receiver);
        String senderName = TodoDelivery.actorName(event);
        String link = TodoDelivery.absoluteLink(target, t.link());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registerCode", registerCode(target));
        m.put("taskId", t.todoId().toString());
        m.put("title", t.title());
        m.put("senderName", senderName != null ? senderName : sender);
        m.put("classify", target.setting("classify", t.flowName()));
        String contentType = target.setting("contentType", null);
        if (contentType != null) {
            m.put("contentType", contentType);
        }
        m.put("state", "0");
        m.put("thirdSenderId", sender);
        m.put("thirdReceiverId", receiver);
        m.put("creationDate", TodoDelivery.minutes(t.createdAt()));
        m.put("url", link);
        m.put("h5url", link); // the SPA is responsive: the same page serves Seeyon's M3 app
        m.put("noneBindingSender", sender);
        m.put("noneBindingReceiver", receiver);
        m.replaceAll((k, v) -> v == null ? "" : v);
        return m;
    }

    private Map<String, Object> state(TodoSnapshot t, Target target, String subState) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registerCode", registerCode(target));
        m.put("taskId", t.todoId().toString());
        m.put("state", "1");
        m.put("subState", subState);
        return m;
    }

    private Outcome verdict(String body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Outcome.RETRY;
        }
        if (answer == null || !answer.has("success")) {
            return Outcome.RETRY;
        }
        return answer.get("success").asBoolean(false) || "true".equalsIgnoreCase(answer.get("success").asText())
                ? Outcome.DELIVERED : Outcome.REJECTED;
    }

    private static String registerCode(Target target) {
        return target.setting("registerCode", "qingfeng");
    }

    private static String restPath(Target target) {
        return target.setting("restPath", "/seeyon/rest");
    }
}
