package cn.qingfeng.webhook.adapter;

import cn.qingfeng.todo.TodoSnapshot;
import cn.qingfeng.webhook.OutboundEvent;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * LANDRAY: 蓝凌 EKP 待办 web service {@code ISysNotifyTodoWebService} over SOAP 1.1.
 *
 * <p>Requests: {@code POST {url}/sys/webservice/sysNotifyTodoWebService}, {@code Content-Type: text/xml;
 * charset=UTF-8}, {@code SOAPAction: ""}, body namespace {@code http://webservice.notify.sys.kmss.landray.com/},
 * the context as the operation's unqualified {@code arg0}:
 * <ul>
 *   <li>OPEN (待办, also after an update): {@code sendTodo} with a {@code NotifyTodoSendContext}:
 *       {@code appName, createTime (yyyy-MM-dd HH:mm:ss), docCreator ({"LoginName":…}), key, level, link,
 *       mobileLink, modelId, modelName, subject, targets ([{"LoginName":…}]), type (1 待审 / 2 待阅)};</li>
 *   <li>DONE (已办) and FINISHED (办结): {@code setTodoDone} with a {@code NotifyTodoRemoveContext}
 *       {@code appName, key, modelId, modelName, optType 2, targets, type};</li>
 *   <li>WITHDRAWN: {@code deleteTodo} with the same context.</li>
 * </ul>
 * A to-do is identified in EKP by {@code appName + modelName + modelId + key}: {@code modelId} is the
 * matter ({@link TodoSnapshot#flowId()}), {@code key} its kind ({@link TodoSnapshot#flowType()}), and each
 * call names the one receiver in {@code targets} with {@code optType 2} (这些人的待办), so one receiver's
 * 已办 leaves the others' 待办 alone. Elements are written in the schema's (alphabetical) order.
 * With {@code userName}/{@code password} set, a {@code RequestSOAPHeader} ({@code http://sys.webservice.client})
 * carries them, as EKP's web-service user check expects.
 *
 * <p>Answer: {@code <return><message/><returnState>2</returnState></return>} ({@code NotifyTodoAppResult}):
 * 2 = success → DELIVERED, any other state (0 未操作, 1 失败) → REJECTED with its message; a SOAP fault
 * comes with HTTP 500 → RETRY; a 2xx without {@code returnState} → RETRY. Sources: the service's WSDL as
 * generated into integrators' Axis/CXF stubs (operation and type names, field lists, optType values) and
 * their SOAP samples (namespace, header).
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code appName} — the 待办来源 shown in EKP (default {@code 清风});</li>
 *   <li>{@code modelName} — the 模块名 (default {@code qingfeng.} + the matter's record type);</li>
 *   <li>{@code type} — 1 待审 (default) or 2 待阅;</li>
 *   <li>{@code level} — 1 紧急, 2 急, 3 一般 (default 3);</li>
 *   <li>{@code servicePath} — the service's path (default {@code /sys/webservice/sysNotifyTodoWebService});</li>
 *   <li>{@code userName}, {@code password} — the EKP web-service account, when EKP checks one (default: none);</li>
 *   <li>{@code systemCreator} — the {@code docCreator} login when no person caused the change (default: not sent).</li>
 * </ul>
 */
@ApplicationScoped
public class LandrayAdapter implements DeliveryAdapter {

    public static final String CODE = "LANDRAY";
    static final String NS = "http://webservice.notify.sys.kmss.landray.com/";
    static final String HEADER_NS = "http://sys.webservice.client";
    static final String SERVICE = "/sys/webservice/sysNotifyTodoWebService";
    /** NotifyTodoRemoveContext.OPT_NOTIFY_TODO_PERSON: only the named targets' to-do. */
    static final int OPT_PERSON = 2;

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public LandrayAdapter() {
        this(Clock.systemUTC());
    }

    LandrayAdapter(Clock clock) {
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
            return DeliveryResult.skipped("Landray receives to-dos only; " + event.type() + " is not mapped");
        }
        TodoDelivery todo = d.get();
        DeliveryHttp http = new DeliveryHttp(target, clock);
        try {
            String envelope = switch (todo.step) {
                case OPEN -> envelope(target, "sendTodo", sendContext(todo.todo, target));
                case DONE, FINISHED -> envelope(target, "setTodoDone", removeContext(todo.todo, target));
                case WITHDRAWN -> envelope(target, "deleteTodo", removeContext(todo.todo, target));
            };
            HttpRequest.Builder request = HttpRequest.newBuilder(TodoDelivery.endpoint(target, target.setting("servicePath", SERVICE)))
                    .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", "\"\"");
            return http.result(http.send(request), this::verdict);
        } catch (IOException | InterruptedException e) {
            return http.failed(e);
        }
    }

    private Map<String, Object> sendContext(TodoSnapshot t, Target target) throws JsonProcessingException {
        String link = TodoDelivery.absoluteLink(target, t.link());
        String creator = t.senderUsername() != null ? target.loginOf(t.senderUsername()) : target.setting("systemCreator", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("appName", appName(target));
        m.put("createTime", TodoDelivery.seconds(t.createdAt()));
        m.put("docCreator", creator == null ? null : json.writeValueAsString(Map.of("LoginName", creator)));
        m.put("key", t.flowType());
        m.put("level", target.setting("level", "3"));
        m.put("link", link);
        m.put("mobileLink", link); // the SPA is responsive: the same page serves EKP's mobile client
        m.put("modelId", t.flowId().toString());
        m.put("modelName", modelName(t, target));
        m.put("subject", t.title());
        m.put("targets", targets(t, target));
        m.put("type", target.setting("type", "1"));
        return m;
    }

    private Map<String, Object> removeContext(TodoSnapshot t, Target target) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("appName", appName(target));
        m.put("key", t.flowType());
        m.put("modelId", t.flowId().toString());
        m.put("modelName", modelName(t, target));
        m.put("optType", OPT_PERSON);
        m.put("targets", targets(t, target));
        m.put("type", target.setting("type", "1"));
        return m;
    }

    private String targets(TodoSnapshot t, Target target) throws JsonProcessingException {
        return json.writeValueAsString(List.of(Map.of("LoginName", target.loginOf(t.receiverUsername()))));
    }

    private String envelope(Target target, String operation, Map<String, Object> context) {
        StringBuilder x = new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:web=\"")
                .append(NS).append("\">");
        String user = target.setting("userName", null);
        String password = target.setting("password", null);
        if (user != null && password != null) {
            x.append("<soapenv:Header><tns:RequestSOAPHeader xmlns:tns=\"").append(HEADER_NS).append("\">")
                    .append("<tns:user>").append(Xml.text(user)).append("</tns:user>")
                    .append("<tns:password>").append(Xml.text(password)).append("</tns:password>")
                    .append("</tns:RequestSOAPHeader></soapenv:Header>");
        } else {
            x.append("<soapenv:Header/>");
        }
        x.append("<soapenv:Body><web:").append(operation).append("><arg0>");
        context.forEach((name, value) -> {
            if (value != null) {
                x.append('<').append(name).append('>').append(Xml.text(value.toString())).append("</").append(name).append('>');
            }
        });
        return x.append("</arg0></web:").append(operation).append("></soapenv:Body></soapenv:Envelope>").toString();
    }

    private Outcome verdict(String body) {
        Document doc;
        try {
            doc = Xml.parse(body);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Outcome.RETRY;
        }
        NodeList state = doc.getElementsByTagNameNS("*", "returnState");
        if (state.getLength() == 0) {
            return Outcome.RETRY;
        }
        return "2".equals(state.item(0).getTextContent().trim()) ? Outcome.DELIVERED : Outcome.REJECTED;
    }

    private static String appName(Target target) {
        return target.setting("appName", "清风");
    }

    private static String modelName(TodoSnapshot t, Target target) {
        return target.setting("modelName", "qingfeng." + t.flowType());
    }

    /** XML text escaping and a parser that will not fetch DTDs or expand entities from an OA's answer. */
    static final class Xml {
        private Xml() {
        }

        /** Escapes markup characters and drops characters XML 1.0 cannot carry at all (most C0 controls). */
        static String text(String s) {
            StringBuilder b = new StringBuilder(s.length() + 16);
            s.codePoints().forEach(c -> {
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&apos;");
                    default -> {
                        boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                        if (allowed) {
                            b.appendCodePoint(c);
                        }
                    }
                }
            });
            return b.toString();
        }

        static Document parse(String xml) throws ParserConfigurationException, SAXException, IOException {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
