package cn.qingfeng.webhook.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.todo.TodoEvents;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import cn.qingfeng.webhook.adapter.StubServer.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** LANDRAY against a stub of EKP's ISysNotifyTodoWebService (SOAP 1.1). */
class LandrayAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String NS = "http://webservice.notify.sys.kmss.landray.com/";
    private static final String PATH = "/sys/webservice/sysNotifyTodoWebService";
    private static final Pattern SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    static final class Ekp implements StubServer.Handler {
        final String user = "qingfeng";
        final String password = "ekp-ws-pass";
        final Set<String> logins = Set.of("cg.zhang", "xx.li", "jd.wang");
        /** EKP's to-dos by appName + modelName + modelId + key + person. */
        final Map<String, Map<String, String>> todos = new ConcurrentHashMap<>();
        StubServer stub;
        volatile String mode = "normal";

        @Override
        public Reply handle(StubServer.Request r) throws Exception {
            switch (mode) {
                case "gone" -> {
                    return Reply.of(410, "text/html", "Gone");
                }
                case "busy" -> {
                    return Reply.of(503, "text/html", "<h1>503</h1>").with("Retry-After", "45");
                }
                case "slow" -> stub.awaitRelease();
                default -> {
                }
            }
            stub.check(r.method().equals("POST") && r.path().equals(PATH), r.method() + " " + r.path());
            stub.check(r.header("Content-Type") != null && r.header("Content-Type").startsWith("text/xml"), "content type " + r.header("Content-Type"));
            stub.check(r.header("SOAPAction") != null, "no SOAPAction header");
            Document doc;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                stub.check(false, "not XML: " + e.getMessage());
                return fault("Unmarshalling Error: " + e.getMessage());
            }
            Element envelope = doc.getDocumentElement();
            stub.check(SOAP.equals(envelope.getNamespaceURI()) && "Envelope".equals(envelope.getLocalName()), "not a SOAP 1.1 envelope");
            Element header = child(envelope, SOAP, "Header");
            Element auth = header == null ? null : child(header, "http://sys.webservice.client", "RequestSOAPHeader");
            if (auth == null || !user.equals(text(auth, "http://sys.webservice.client", "user"))
                    || !password.equals(text(auth, "http://sys.webservice.client", "password"))) {
                return fault("用户名或密码不正确");
            }
            Element op = firstElement(child(envelope, SOAP, "Body"));
            stub.check(op != null && NS.equals(op.getNamespaceURI()), "operation outside the service's namespace");
            Element arg0 = child(op, null, "arg0");
            stub.check(arg0 != null, "no arg0");
            Map<String, String> ctx = new LinkedHashMap<>();
            for (Node n = arg0.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    stub.check(e.getNamespaceURI() == null, "context field " + e.getLocalName() + " must be unqualified");
                    ctx.put(e.getLocalName(), e.getTextContent());
                }
            }
            String operation = op.getLocalName();
            JsonNode targets = JSON.readTree(ctx.getOrDefault("targets", "[]"));
            stub.check(targets.isArray() && targets.size() == 1 && targets.get(0).hasNonNull("LoginName"), "targets " + ctx.get("targets"));
            String login = targets.path(0).path("LoginName").asText();
            String key = ctx.get("appName") + "|" + ctx.get("modelName") + "|" + ctx.get("modelId") + "|" + ctx.get("key") + "|" + login;
            switch (operation) {
                case "sendTodo" -> {
                    for (String f : List.of("appName", "modelName", "modelId", "subject", "link", "mobileLink", "type", "key", "createTime", "level")) {
                        stub.check(ctx.get(f) != null && !ctx.get(f).isBlank(), "sendTodo without " + f);
                    }
                    stub.check(SECONDS.matcher(ctx.getOrDefault("createTime", "")).matches(), "createTime " + ctx.get("createTime"));
                    stub.check(Set.of("1", "2").contains(ctx.get("type")), "type " + ctx.get("type"));
                    stub.check(Set.of("1", "2", "3").contains(ctx.get("level")), "level " + ctx.get("level"));
                    if (ctx.containsKey("docCreator")) {
                        stub.check(JSON.readTree(ctx.get("docCreator")).hasNonNull("LoginName"), "docCreator " + ctx.get("docCreator"));
                    }
                    if (!logins.contains(login)) {
                        return result(operation, 1, "待办接收人[" + login + "]在系统中不存在");
                    }
                    Map<String, String> todo = new LinkedHashMap<>(ctx);
                    todo.put("state", "待办");
                    todos.put(key, todo);
                    return result(operation, 2, "");
                }
                case "setTodoDone", "deleteTodo" -> {
                    for (String f : List.of("appName", "modelName", "modelId", "key", "optType", "targets", "type")) {
                        stub.check(ctx.get(f) != null && !ctx.get(f).isBlank(), operation + " without " + f);
                    }
                    stub.check("2".equals(ctx.get("optType")), "optType " + ctx.get("optType"));
                    if (operation.equals("deleteTodo")) {
                        todos.remove(key);
                        return result(operation, 2, "");
                    }
                    Map<String, String> todo = todos.get(key);
                    if (todo == null) {
                        return result(operation, 1, "待办不存在");
                    }
                    todo.put("state", "已办");
                    return result(operation, 2, "");
                }
                default -> {
                    return fault("Unexpected wrapper element " + operation);
                }
            }
        }

        private static Reply result(String operation, int state, String message) {
            return Reply.of(200, "text/xml;charset=UTF-8", "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><ns2:" + operation
                    + "Response xmlns:ns2=\"" + NS + "\"><return><message>" + message + "</message><returnState>" + state
                    + "</returnState></return></ns2:" + operation + "Response></soap:Body></soap:Envelope>");
        }

        private static Reply fault(String message) {
            return Reply.of(500, "text/xml;charset=UTF-8", "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><soap:Fault>"
                    + "<faultcode>soap:Client</faultcode><faultstring>" + message.replace("<", "&lt;").replace("&", "&amp;")
                    + "</faultstring></soap:Fault></soap:Body></soap:Envelope>");
        }

        private static Element child(Element parent, String ns, String local) {
            if (parent == null) {
                return null;
            }
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && local.equals(e.getLocalName()) && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                    return e;
                }
            }
            return null;
        }

        private static Element firstElement(Element parent) {
            for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    return e;
                }
            }
            return null;
        }

        private static String text(Element parent, String ns, String local) {
            Element e = child(parent, ns, local);
            return e == null ? null : e.getTextContent();
        }

        Map<String, String> todo(UUID flow, String login) {
            return todos.get("清风|qingfeng.task_assignment|" + flow + "|task_assignment|" + login);
        }
    }

    private final LandrayAdapter adapter = new LandrayAdapter();
    private final Ekp ekp = new Ekp();
    private StubServer stub;
    private Target target;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer(ekp);
        ekp.stub = stub;
        target = target(Map.of(), Duration.ofSeconds(10));
    }

    private Target target(Map<String, String> extra, Duration timeout) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("userName", ekp.user, "password", ekp.password));
        settings.putAll(extra);
        return Fixtures.target(stub.base(), settings, List.of(), timeout);
    }

    @AfterEach
    void stop() {
        stub.close();
        assertThat(stub.violations).isEmpty();
    }

    @Test
    void aToDoLivesItsLifeInEkpsTodoList() {
        UUID flow = UUID.randomUUID();
        Fixtures.Todo a = new Fixtures.Todo(flow, "cg_officer");
        Fixtures.Todo b = new Fixtures.Todo(flow, "xx_officer");

        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(b.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ekp.todo(flow, "cg.zhang"))
                .containsEntry("state", "待办")
                .containsEntry("subject", "RW-2026-0003 清明节节点纪律检查")
                .containsEntry("modelId", flow.toString())
                .containsEntry("type", "1").containsEntry("level", "3")
                .containsEntry("createTime", "2026-04-01 09:02:03")
                .containsEntry("docCreator", "{\"LoginName\":\"jd.wang\"}")
                .containsEntry("targets", "[{\"LoginName\":\"cg.zhang\"}]")
                .containsEntry("link", "https://qingfeng.example.gov.cn/app/tasks/" + flow + "?assignment=" + a.todoId);
        assertThat(ekp.todo(flow, "xx.li")).containsEntry("state", "待办");

        assertThat(adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ekp.todo(flow, "cg.zhang")).containsEntry("state", "已办");
        assertThat(ekp.todo(flow, "xx.li")).containsEntry("state", "待办");

        assertThat(adapter.deliver(a.next(TodoEvents.FINISHED, "FINISHED"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(b.next(TodoEvents.FINISHED, "FINISHED"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ekp.todo(flow, "xx.li")).containsEntry("state", "已办");
        assertThat(stub.requests).extracting(r -> r.body().replaceAll("(?s).*<web:(\\w+)>.*", "$1"))
                .containsExactly("sendTodo", "sendTodo", "setTodoDone", "setTodoDone", "setTodoDone");

        UUID cancelled = UUID.randomUUID();
        Fixtures.Todo c = new Fixtures.Todo(cancelled, "cg_officer");
        Fixtures.Todo d = new Fixtures.Todo(cancelled, "xx_officer");
        adapter.deliver(c.next(TodoEvents.CREATED, "OPEN"), target);
        adapter.deliver(d.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(adapter.deliver(c.next(TodoEvents.WITHDRAWN, "WITHDRAWN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ekp.todo(cancelled, "cg.zhang")).isNull();
        assertThat(ekp.todo(cancelled, "xx.li")).isNotNull();
        assertThat(adapter.deliver(d.next(TodoEvents.WITHDRAWN, "WITHDRAWN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ekp.todo(cancelled, "xx.li")).isNull();
    }

    @Test
    void markupInTitlesIsEscapedNotInjected() {
        UUID flow = UUID.randomUUID();
        Fixtures.Todo a = new Fixtures.Todo(flow, "cg_officer");
        a.title = "<b>督办 & \"复核\" 'A'</b></subject><type>9</type>\u0001";
        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ekp.todo(flow, "cg.zhang"))
                .containsEntry("subject", "<b>督办 & \"复核\" 'A'</b></subject><type>9</type>")
                .containsEntry("type", "1");
    }

    @Test
    void ekpsRefusalsAreRejectedWithItsMessage() {
        DeliveryResult unknown = adapter.deliver(new Fixtures.Todo(UUID.randomUUID(), "ghost").next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(unknown.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.responseExcerpt()).contains("<returnState>1</returnState>").contains("待办接收人[ghost]在系统中不存在");

        DeliveryResult notThere = adapter.deliver(new Fixtures.Todo(UUID.randomUUID(), "cg_officer").next(TodoEvents.DONE, "DONE"), target);
        assertThat(notThere.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(notThere.responseExcerpt()).contains("待办不存在");
    }

    @Test
    void soapFaultsStatusesAndTimeouts() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");

        DeliveryResult wrongPassword = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target(Map.of("password", "nope"), Duration.ofSeconds(10)));
        assertThat(wrongPassword.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(wrongPassword.statusCode()).isEqualTo(500);
        assertThat(wrongPassword.responseExcerpt()).contains("soap:Fault").contains("用户名或密码不正确");

        ekp.mode = "gone";
        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.GONE);

        ekp.mode = "busy";
        DeliveryResult busy = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(busy.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(45));

        ekp.mode = "slow";
        DeliveryResult slow = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target(Map.of(), Duration.ofMillis(300)));
        stub.release.countDown();
        assertThat(slow.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(slow.responseExcerpt()).contains("HttpTimeoutException");
    }

    @Test
    void otherEventsAreNotEkpsBusiness() {
        assertThat(adapter.deliver(Fixtures.taskIssued(), target).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(stub.requests).isEmpty();
    }
}
