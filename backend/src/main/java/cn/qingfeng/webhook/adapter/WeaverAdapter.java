package cn.qingfeng.webhook.adapter;

import cn.qingfeng.todo.TodoEvents;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * WEAVER: 泛微 e-cology 统一待办中心 (OFS), REST/JSON interface for 异构系统.
 *
 * <p>Requests ({@code POST {url}/rest/ofs/…}, {@code Content-Type: application/json; charset=UTF-8}):
 * <ul>
 *   <li>OPEN (待办, also after an update): {@code ReceiveRequestInfoByJson} with {@code isremark 0},
 *       {@code viewtype 0};</li>
 *   <li>DONE (已办): {@code ProcessDoneRequestByJson}, {@code isremark 2}, {@code viewtype 1};</li>
 *   <li>FINISHED (办结): {@code ProcessOverRequestByJson}, {@code isremark 4}, {@code viewtype 1};</li>
 *   <li>WITHDRAWN: {@code deleteUserRequestInfoByJson} {@code {syscode, flowid, userid}} — removes
 *       this receiver's row only.</li>
 * </ul>
 * The three status calls carry the same fields: {@code syscode, flowid, requestname, workflowname,
 * nodename, pcurl, appurl, isremark, viewtype, creator, createdatetime, receiver, receivedatetime,
 * receivets}. Weaver keeps one row per {@code flowid} + {@code receiver}: {@code flowid} is the
 * matter ({@link TodoSnapshot#flowId()}), {@code receiver} the OA login, so two receivers of one task
 * are two rows of one flow. {@code receivets} is the to-do's {@link TodoSnapshot#version()}: Weaver
 * ignores a push whose receivets is lower than the row's, so a late retry never overwrites a newer
 * state (its docs show a millisecond clock there; it only compares the numbers).
 *
 * <p>Answer: HTTP 200 with {@code {"syscode","dateType","operType","operResult","message"}};
 * {@code operResult "1"} is success, {@code "0"} a refusal with {@code message} (REJECTED: e.g. an
 * unknown syscode or receiver, which no retry fixes). A withdrawal Weaver answers with "…不存在" (the
 * row is already gone) counts as delivered. A 2xx body that is not that JSON is a RETRY.
 *
 * <p>Dates: {@code yyyy-MM-dd HH:mm:ss}, Asia/Shanghai. Sources: Weaver's 《统一待办中心集成数据接口说明
 * (E9)》 as quoted by integrators (field list, isremark 0/2/4/8, viewtype 0/1, receivets), and their
 * clients' code for the paths and the answer shape; where they differ in the delete path's case
 * ({@code DeleteUserRequestInfoByJson} vs {@code deleteUserRequestInfoByJson}) the lower-case REST path
 * is the one every REST sample uses.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code syscode} — the 异构系统标识 registered in Weaver (default {@code qingfeng});</li>
 *   <li>{@code workflowname} — a fixed 流程类型名称 for all to-dos (default: the matter's kind, e.g. 督办任务);</li>
 *   <li>{@code workflownamePrefix} — put before the type name, e.g. {@code 清风-} (default empty);</li>
 *   <li>{@code systemCreator} — the {@code creator} login when a change has no person behind it
 *       (default: the receiver's own login).</li>
 * </ul>
 */
@ApplicationScoped
public class WeaverAdapter implements DeliveryAdapter {

    public static final String CODE = "WEAVER";
    static final String RECEIVE = "/rest/ofs/ReceiveRequestInfoByJson";
    static final String DONE = "/rest/ofs/ProcessDoneRequestByJson";
    static final String OVER = "/rest/ofs/ProcessOverRequestByJson";
    static final String DELETE_USER = "/rest/ofs/deleteUserRequestInfoByJson";

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public WeaverAdapter() {
        this(Clock.systemUTC());
    }

    WeaverAdapter(Clock clock) {
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
            return DeliveryResult.skipped("Weaver receives to-dos only; " + event.type() + " is not mapped");
        }
        TodoDelivery todo = d.get();
        String path;
        Map<String, Object> body;
        switch (todo.step) {
            case OPEN -> {
                path = RECEIVE;
                body = status(event, todo.todo, target, "0", "0");
            }
            case DONE -> {
                path = DONE;
                body = status(event, todo.todo, target, "2", "1");
            }
            case FINISHED -> {
                path = OVER;
                body = status(event, todo.todo, target, "4", "1");
            }
            default -> {
                path = DELETE_USER;
                body = new LinkedHashMap<>();
                body.put("syscode", syscode(target));
                body.put("flowid", todo.todo.flowId().toString());
                body.put("userid", target.loginOf(todo.todo.receiverUsername()));
            }
        }
        DeliveryHttp http = new DeliveryHttp(target, clock);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(TodoDelivery.endpoint(target, path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Accept", "application/json");
            boolean delete = path.equals(DELETE_USER);
            return http.result(http.send(request), answer -> verdict(answer, delete));
        } catch (IOException | InterruptedException e) {
            return http.failed(e);
        }
    }

    private Map<String, Object> status(OutboundEvent event, TodoSnapshot t, Target target, String isremark, String viewtype) {
        String receiver = target.loginOf(t.receiverUsername());
        String creator = t.senderUsername() != null ? target.loginOf(t.senderUsername())
                : target.setting("systemCreator", receiver);
        String link = TodoDelivery.absoluteLink(target, t.link());
        // A to-do that (re)opens was received now; later pushes keep the first receive time.
        String received = TodoEvents.CREATED.equals(event.type()) ? TodoDelivery.seconds(t.changedAt())
                : TodoDelivery.seconds(t.createdAt());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("syscode", syscode(target));
        m.put("flowid", t.flowId().toString());
        m.put("requestname", t.title());
        m.put("workflowname", target.setting("workflownamePrefix", "") + target.setting("workflowname", t.flowName()));
        m.put("nodename", t.stepName());
        m.put("pcurl", link);
        m.put("appurl", link); // the SPA is responsive: the same page serves Weaver's mobile app
        m.put("isremark", isremark);
        m.put("viewtype", viewtype);
        m.put("creator", creator);
        m.put("createdatetime", TodoDelivery.seconds(t.createdAt()));
        m.put("receiver", receiver);
        m.put("receivedatetime", received);
        m.put("receivets", Long.toString(t.version()));
        m.replaceAll((k, v) -> v == null ? "" : v); // Weaver's parser wants strings, not nulls
        return m;
    }

    private Outcome verdict(String body, boolean delete) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Outcome.RETRY;
        }
        if (answer == null || !answer.has("operResult")) {
            return Outcome.RETRY; // e.g. an HTML login page of a gateway in front of Weaver
        }
        if ("1".equals(answer.get("operResult").asText())) {
            return Outcome.DELIVERED;
        }
        String message = answer.path("message").asText("");
        return delete && message.contains("不存在") ? Outcome.DELIVERED : Outcome.REJECTED;
    }

    private static String syscode(Target target) {
        return target.setting("syscode", "qingfeng");
    }
}
