package cn.qingfeng.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.ContractCalls;
import cn.qingfeng.support.ContractCalls.Call;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input, generated from the contract: for every operation, every parameter and every body
 * property (nested ones included) is given values its schema does not allow: wrong types, missing
 * or null required fields, numbers and dates out of range, enum codes nearly right, NUL, lone
 * surrogates, bidi overrides, over-long and 1 MB strings, bad sorts and cursors; each body is also
 * sent malformed, with duplicate keys, trailing tokens and the wrong media type. Every answer must
 * be the documented refusal (400, or 404 for an id in the path, 414 for an over-long URL, 415 for
 * a media type) with a problem+json body; none may be a 5xx or be accepted. An operation added to
 * the contract without a call in {@link ContractCalls} fails the suite.
 */
@QuarkusTest
class BadInputSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    /** Stands for a lone high surrogate, which no Java string serialises to JSON: spliced in as the escape. */
    private static final String LONE = "\uE000LONE\uE000";
    private static final String MB = "a".repeat(1 << 20);
    private static final List<String> PREFERRED = List.of("supervisor", "admin", "auditor", "integration", "importer",
            "leader", "unit_officer", "viewer");
    private static final Map<String, String> USERS = Map.of("supervisor", "jiandu", "admin", "admin", "auditor", "shenji",
            "leader", "lingdao", "unit_officer", "cg_officer", "viewer", "cg_viewer");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JsonNode schemas;

    /** One generated request and the statuses that count as its refusal. */
    private record Case(String operation, String where, String what, String method, String path, String contentType,
            byte[] body, Supplier<String> ifMatch, Set<Integer> refusals, String idempotencyKey) {
        Case(String operation, String where, String what, String method, String path, String contentType,
             byte[] body, Supplier<String> ifMatch, Set<Integer> refusals) {
            this(operation, where, what, method, path, contentType, body, ifMatch, refusals, null);
        }
    }

    @Test
    void everyInvalidRequestIsRefusedWithAProblemAndNeverA5xx() throws Exception {
        schemas = ContractCalls.schemas();
        ContractCalls fixtures = ContractCalls.in(DemoUnits.VENUES_BRANCH);
        Map<String, Call> calls = fixtures.calls();
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> failures = new TreeMap<>();
        Map<String, Integer> tried = new TreeMap<>();
        Map<String, Long> took = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) ContractCalls.paths()::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String id = op.getValue().path("operationId").asText();
                Call call = calls.get(id);
                boolean needsCall = path.getKey().contains("{") || op.getValue().has("requestBody");
                if (call == null && needsCall) {
                    missing.add(id);
                    continue;
                }
                String token = token(op.getValue());
                List<Case> cases = cases(op.getKey().toUpperCase(), path.getKey(), op.getValue(), call == null ? Call.NONE : call);
                // Refused requests change nothing, so they may run side by side.
                List<Future<String>> answers = new ArrayList<>();
                for (Case c : cases) {
                    tried.merge(c.where(), 1, Integer::sum);
                    answers.add(pool.submit(() -> {
                        long t0 = System.nanoTime();
                        String f = check(c, token);
                        synchronized (took) {
                            took.merge(c.where() + (c.what().contains("1 MB") ? " 1MB" : ""), (System.nanoTime() - t0) / 1_000_000, Long::sum);
                        }
                        return f;
                    }));
                }
                for (int i = 0; i < cases.size(); i++) {
                    String failure = answers.get(i).get();
                    if (failure != null) {
                        failures.computeIfAbsent(failure, k -> new ArrayList<>()).add(cases.get(i).operation() + " " + cases.get(i).what());
                    }
                }
            }
        }
        pool.shutdown();
        StringBuilder report = new StringBuilder();
        failures.forEach((kind, examples) -> report.append("\n").append(kind).append(": ").append(examples.size())
                .append(" cases, e.g. ").append(String.join("; ", examples.subList(0, Math.min(40, examples.size())))));
        System.out.println("bad-input ms by place: " + took);
        System.out.println("bad-input cases by place: " + tried + "; failures:" + (report.isEmpty() ? " none" : report));
        assertThat(missing).as("operations with no call to start from").isEmpty();
        assertThat(tried.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(2000);
        assertThat(report.toString()).as("invalid requests not refused as documented").isEmpty();
    }

    private String check(Case c, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + c.path()))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (c.ifMatch() != null) {
            req.header("If-Match", c.ifMatch().get());
        }
        if (c.idempotencyKey() != null) {
            req.header("Idempotency-Key", c.idempotencyKey());
        }
        if (c.body() != null) {
            req.header("Content-Type", c.contentType()).method(c.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        } else {
            req.method(c.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500) {
            return "5xx";
        }
        if (r.statusCode() < 400) {
            return "accepted (" + r.statusCode() + ")";
        }
        if (!type.startsWith("application/problem+json") || !r.body().contains("\"status\":" + r.statusCode())) {
            return "no problem body (" + r.statusCode() + ")";
        }
        if (!c.refusals().contains(r.statusCode())) {
            return "status " + r.statusCode() + " instead of " + c.refusals();
        }
        return null;
    }

    /** A caller the operation's documented roles let in, so the input is what is refused. */
    private static String token(JsonNode op) {
        List<String> roles = new ArrayList<>();
        op.path("security").forEach(s -> s.path("keycloak").forEach(r -> roles.add(r.asText())));
        String role = roles.isEmpty() ? "supervisor" : PREFERRED.stream().filter(roles::contains).findFirst().orElseThrow();
        return switch (role) {
            case "integration" -> Tokens.service("oa-system", "oa-system-dev-secret");
            case "importer" -> Tokens.service("import-script", "import-script-dev-secret");
            default -> Tokens.user(USERS.get(role));
        };
    }

    // ---- generation ---------------------------------------------------------------------------

    private List<Case> cases(String method, String template, JsonNode op, Call given) throws Exception {
        String id = op.path("operationId").asText();
        // A refused request changes nothing: the record's ETag is read once per operation.
        Call call = given.ifMatch() == null ? given : new Call(given.params(), given.body(), once(given.ifMatch()), given.multipart());
        String path = template;
        for (var p : call.params().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        JsonNode jsonSchema = op.path("requestBody").path("content").path("application/json").path("schema");
        byte[] validBody = null;
        if (!jsonSchema.isMissingNode()) {
            validBody = JSON.writeValueAsBytes(call.body() == null ? Map.of() : call.body());
        }
        List<Case> out = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            switch (p.path("in").asText()) {
                case "query" -> {
                    for (var v : queryValues(name, schema).entrySet()) {
                        boolean longUrl = v.getValue().length() > 4096;
                        out.add(new Case(id, "query", name + "=" + label(v.getKey()), method,
                                path + "?" + name + "=" + v.getValue(), "application/json", validBody, call.ifMatch(),
                                longUrl ? Set.of(414) : Set.of(400)));
                    }
                }
                case "path" -> {
                    String actual = call.params().get(name);
                    // Ids are UUIDs; a key of another kind (an OA login) is refused only for what no text may hold.
                    List<String> values = schema.path("format").asText().equals("uuid") ? List.of("not-a-uuid", "%00",
                            "12345678901234567890", "00000000-0000-0000-0000-000000000000", "%E2%80%AE1") : List.of("%00", "%E2%80%AE1");
                    for (String bad : values) {
                        String mutated = template;
                        for (var q : call.params().entrySet()) {
                            mutated = mutated.replace("{" + q.getKey() + "}", q.getKey().equals(name) ? bad : q.getValue());
                        }
                        if (actual != null) {
                            out.add(new Case(id, "path", name + "=" + bad, method, mutated, "application/json", validBody,
                                    call.ifMatch(), Set.of(400, 404)));
                        }
                    }
                }
                case "header" -> {
                    if (name.equals("Idempotency-Key")) {
                        // Not 1–255 visible ASCII characters (bare or as a quoted string): refused before anything is done.
                        for (String bad : List.of("", "a b", "k".repeat(256), "\"unclosed", "\"\"")) {
                            out.add(new Case(id, "header", name + "=" + label(bad), method, path, "application/json", validBody,
                                    call.ifMatch(), Set.of(400), bad));
                        }
                    } else if (call.ifMatch() != null) {
                        // Refused as stale (412), unreadable (400) or, where the state already forbids the act, 409.
                        for (String bad : List.of("garbage", "\"999999999\"", "W/\"x\"", "\"1")) {
                            out.add(new Case(id, "header", name + "=" + label(bad), method, path, "application/json", validBody,
                                    () -> bad, Set.of(400, 409, 412)));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (!jsonSchema.isMissingNode()) {
            out.addAll(bodyCases(id, method, path, call, resolve(jsonSchema),
                    op.path("requestBody").path("required").asBoolean(false)));
        }
        JsonNode multipart = op.path("requestBody").path("content").path("multipart/form-data").path("schema");
        if (!multipart.isMissingNode()) {
            out.addAll(multipartCases(id, method, path, call, resolve(multipart)));
        }
        return out;
    }

    private List<Case> bodyCases(String id, String method, String path, Call call, JsonNode schema, boolean required)
            throws Exception {
        ObjectNode base = JSON.valueToTree(call.body() == null ? Map.of() : call.body());
        List<Case> out = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        if (required) {
            raw.put("empty body", "");
            raw.put("JSON null", "null");
        }
        raw.put("not JSON", "{");
        raw.put("an array", "[]");
        raw.put("a string", "\"文本\"");
        raw.put("a number", "42");
        raw.put("trailing tokens", base + " {}");
        String field = base.fieldNames().hasNext() ? base.fieldNames().next()
                : schema.path("properties").fieldNames().hasNext() ? schema.path("properties").fieldNames().next() : "note";
        raw.put("duplicate key " + field, "{\"" + field + "\":\"甲\",\"" + field + "\":\"乙\"}");
        if (base.size() > 0) {
            String text = base.toString();
            raw.put("duplicate key at the end", text.substring(0, text.length() - 1) + ",\"" + field + "\":" + base.get(field) + "}");
        }
        for (var r : raw.entrySet()) {
            out.add(new Case(id, "body", r.getKey(), method, path, "application/json", r.getValue().getBytes(StandardCharsets.UTF_8),
                    call.ifMatch(), Set.of(400)));
        }
        out.add(new Case(id, "body", "media type text/plain", method, path, "text/plain",
                base.toString().getBytes(StandardCharsets.UTF_8), call.ifMatch(), Set.of(415)));
        List<Map.Entry<String, JsonNode>> mutants = new ArrayList<>();
        mutate(base, schema, "", base, mutants);
        for (var m : mutants) {
            out.add(new Case(id, "body", m.getKey(), method, path, "application/json", serialise(m.getValue()), call.ifMatch(),
                    Set.of(400)));
        }
        return out;
    }

    /** Each invalid variant of {@code node} (a part of {@code root}), as the whole body it makes. */
    private void mutate(ObjectNode root, JsonNode schema, String where, ObjectNode node, List<Map.Entry<String, JsonNode>> out) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (var prop : (Iterable<Map.Entry<String, JsonNode>>) schema.path("properties")::fields) {
            String name = prop.getKey();
            String at = where + name;
            JsonNode ps = resolve(prop.getValue());
            JsonNode original = node.get(name);
            if (required.contains(name)) {
                node.remove(name);
                out.add(Map.entry(at + " missing", root.deepCopy()));
                node.set(name, N.nullNode());
                out.add(Map.entry(at + " null", root.deepCopy()));
                restore(node, name, original);
            }
            for (var v : bodyValues(ps, original).entrySet()) {
                node.set(name, v.getValue());
                out.add(Map.entry(at + " = " + v.getKey(), root.deepCopy()));
                restore(node, name, original);
            }
            if (original instanceof ObjectNode child && ps.has("properties")) {
                mutate(root, ps, at + ".", child, out);
            }
            JsonNode items = resolve(ps.path("items"));
            if (original instanceof ArrayNode array && array.size() > 0 && array.get(0) instanceof ObjectNode first
                    && items.has("properties")) {
                mutate(root, items, at + "[0].", first, out);
            }
        }
        JsonNode extra = ps(schema.path("additionalProperties"));
        if (extra != null) {
            for (var v : bodyValues(extra, null).entrySet()) {
                node.set("额外键", v.getValue());
                out.add(Map.entry(where + "{额外键} = " + v.getKey(), root.deepCopy()));
                node.remove("额外键");
            }
        }
    }

    private JsonNode ps(JsonNode additional) {
        return additional.isObject() ? resolve(additional) : null;
    }

    private static void restore(ObjectNode node, String name, JsonNode original) {
        if (original == null) {
            node.remove(name);
        } else {
            node.set(name, original);
        }
    }

    /** Values the schema refuses, each with a label. */
    private Map<String, JsonNode> bodyValues(JsonNode s, JsonNode original) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        String type = s.path("type").asText(s.has("enum") ? "string" : s.has("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                v.put("a number", N.numberNode(12345));
                v.put("true", N.booleanNode(true));
                v.put("an object", N.objectNode());
                v.put("an array", N.arrayNode());
                for (var t : textValues(s).entrySet()) {
                    v.put(t.getKey(), N.textNode(t.getValue()));
                }
                if ("date".equals(s.path("format").asText())) {
                    v.put("epoch days", N.numberNode(20000));
                }
            }
            case "integer", "number" -> {
                v.put("a string", N.textNode("abc"));
                v.put("a numeric string", N.textNode("1"));
                v.put("true", N.booleanNode(true));
                v.put("1e20", N.numberNode(new BigInteger("100000000000000000000")));
                if (type.equals("integer")) {
                    v.put("a fraction", N.numberNode(1.5));
                }
                if (s.has("minimum")) {
                    v.put("minimum - 1", N.numberNode(s.path("minimum").asLong() - 1));
                }
                if (s.has("maximum")) {
                    v.put("maximum + 1", N.numberNode(s.path("maximum").asLong() + 1));
                }
            }
            case "boolean" -> {
                v.put("a string", N.textNode("true"));
                v.put("a number", N.numberNode(1));
            }
            case "array" -> {
                v.put("a string", N.textNode("x"));
                v.put("an object", N.objectNode());
                v.put("[null]", N.arrayNode().addNull());
                JsonNode items = resolve(s.path("items"));
                Map<String, JsonNode> itemValues = bodyValues(items, null);
                itemValues.entrySet().stream().limit(3).forEach(e -> v.put("[" + e.getKey() + "]", N.arrayNode().add(e.getValue())));
                if (s.path("minItems").asInt() > 0) {
                    v.put("[]", N.arrayNode());
                }
                if (s.has("maxItems") && original instanceof ArrayNode a && a.size() > 0) {
                    ArrayNode many = N.arrayNode();
                    for (int i = 0; i <= s.path("maxItems").asInt(); i++) {
                        many.add(a.get(0).deepCopy());
                    }
                    v.put("maxItems + 1", many);
                }
            }
            case "object" -> {
                v.put("a string", N.textNode("x"));
                v.put("an array", N.arrayNode());
            }
            default -> {
            }
        }
        return v;
    }

    /** Text a string schema refuses (its format, enum, length and pattern), plus what no text may hold. */
    private static Map<String, String> textValues(JsonNode s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("NUL", "甲\u0000乙");
        v.put("a lone surrogate", "甲" + LONE + "乙");
        v.put("an RTL override", "甲\u202E乙");
        v.put("1 MB", MB);
        String format = s.path("format").asText();
        if (format.equals("date")) {
            for (String d : List.of("+999999999-12-31", "-999999999-01-01", "-4714-01-01", "0000-01-01", "1899-12-31",
                    "3000-01-01", "2026-02-30", "2026-1-5", "20260101", "2026-01-01T00:00:00Z")) {
                v.put("date " + d, d);
            }
        } else if (format.equals("date-time")) {
            for (String d : List.of("2026-01-01", "2026-13-01T00:00:00+08:00", "+999999999-12-31T00:00:00Z",
                    "0000-01-01T00:00:00Z", "2026-01-01T00:00:00")) {
                v.put("time " + d, d);
            }
        } else if (format.equals("uuid")) {
            v.put("not a uuid", "not-a-uuid");
            v.put("uuid with a bad digit", "00000000-0000-0000-0000-00000000000g");
        }
        if (s.has("enum")) {
            String first = s.path("enum").get(0).asText();
            v.put("enum with a leading space", " " + first);
            if (!first.toLowerCase().equals(first)) {
                v.put("enum in lower case", first.toLowerCase());
            }
            v.put("unknown enum", "NOPE");
            v.put("empty enum", "");
        }
        if (s.has("maxLength")) {
            v.put("maxLength + 1", "字".repeat(s.path("maxLength").asInt() + 1));
        }
        if (s.has("minLength") && s.path("minLength").asInt() > 0) {
            v.put("shorter than minLength", "");
        }
        if (s.has("pattern") && !format.equals("date")) {
            Pattern p = Pattern.compile(s.path("pattern").asText());
            // Empty and blank separately: an update must refuse "   " as create does, not only "".
            for (String candidate : List.of("", " \t ", "red", "!!")) {
                if (!p.matcher(candidate).find()) {
                    v.put("not matching " + s.path("pattern").asText() + " ('" + candidate + "')", candidate);
                }
            }
        }
        return v;
    }

    /** Raw (already URL-encoded) query values the parameter's schema refuses. */
    private Map<String, String> queryValues(String name, JsonNode s) {
        Map<String, String> v = new LinkedHashMap<>();
        String type = s.path("type").asText(s.has("enum") ? "string" : "");
        switch (type) {
            case "integer" -> {
                for (String n : List.of("abc", "1.5", "99999999999999999999", "%201", "1e3")) {
                    v.put(n, n);
                }
                if (s.has("minimum")) {
                    v.put("minimum - 1", String.valueOf(s.path("minimum").asLong() - 1));
                }
                if (s.has("maximum")) {
                    v.put("maximum + 1", String.valueOf(s.path("maximum").asLong() + 1));
                }
            }
            case "boolean" -> {
                for (String b : List.of("maybe", "1", "TRUE", "yes")) {
                    v.put(b, b);
                }
            }
            default -> {
                for (var t : textValues(s).entrySet()) {
                    String value = t.getKey().equals("1 MB") ? "a".repeat(5000) : t.getValue();
                    String key = t.getKey().equals("1 MB") ? "5000 characters" : t.getKey();
                    if (t.getKey().startsWith("not matching") || (t.getKey().equals("empty enum"))) {
                        continue; // an empty filter means no filter
                    }
                    v.put(key, encode(value));
                }
                v.put("invalid UTF-8", "%FF%FE");
                if (name.equals("sort")) {
                    for (String sort : List.of(",", "-", "+", "nope", "title,,deadline", "--title")) {
                        v.put("sort " + sort, encode(sort));
                    }
                }
                if (name.equals("cursor")) {
                    for (String cursor : List.of("garbage!", "eyJ4IjoxfQ", "AAAA", "a.b")) {
                        v.put("cursor " + cursor, encode(cursor));
                    }
                }
            }
        }
        return v;
    }

    private static String encode(String value) {
        if (value.contains(LONE)) {
            String[] parts = value.split(LONE, -1);
            return encode(parts[0]) + "%ED%A0%80" + encode(parts[1]);
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<Case> multipartCases(String id, String method, String path, Call call, JsonNode schema) {
        // The call's valid form: its text fields, and its file (an attachment's pdf, an import's CSV).
        Map<String, String> valid = new LinkedHashMap<>();
        byte[] file = ContractCalls.pdf();
        String fileName = "责任书.pdf";
        String fileType = "application/pdf";
        if (call.body() instanceof Map<?, ?> parts) {
            for (var p : parts.entrySet()) {
                if (p.getValue() instanceof byte[] bytes) {
                    file = bytes;
                    fileName = "导入.csv";
                    fileType = "text/csv";
                } else {
                    valid.put(String.valueOf(p.getKey()), String.valueOf(p.getValue()));
                }
            }
        } else {
            valid.put("ownerType", "UNIT");
            valid.put("ownerId", String.valueOf(call.body()));
        }
        Form form = new Form(file, fileName, fileType);
        List<Case> out = new ArrayList<>();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String field : valid.keySet()) {
            Map<String, String> without = new LinkedHashMap<>(valid);
            without.remove(field);
            bodies.put(field + " missing", form.build(without, fileName, true));
        }
        bodies.put("file missing", form.build(valid, null, false));
        for (var property : (Iterable<Map.Entry<String, JsonNode>>) schema.path("properties")::fields) {
            String field = property.getKey();
            if (field.equals("file")) {
                continue;
            }
            for (var t : textValues(resolve(property.getValue())).entrySet()) {
                Map<String, String> bad = new LinkedHashMap<>(valid);
                bad.put(field, t.getValue());
                bodies.put(field + " " + t.getKey(), form.build(bad, fileName, true));
            }
            Map<String, String> unknown = new LinkedHashMap<>(valid);
            unknown.put(field, "NOPE");
            bodies.put(field + " unknown", form.build(unknown, fileName, true));
        }
        // (A CR/LF followed by "Name: value" is, to the multipart grammar, a second part header and
        // not part of the name at all; the name is then what precedes it.)
        String ext = fileName.substring(fileName.lastIndexOf('.'));
        for (String name : List.of("甲\u0000" + ext, "甲\r\n乙" + ext, "甲\n乙" + ext, "invoice\u202Efdp" + ext, "字".repeat(300) + ext, "")) {
            bodies.put("filename " + label(name), form.build(valid, name, true));
        }
        bodies.put("garbage", "garbage".getBytes(StandardCharsets.UTF_8));
        byte[] whole = form.build(valid, fileName, true);
        bodies.put("no closing boundary", java.util.Arrays.copyOf(whole, whole.length - 20));
        for (var b : bodies.entrySet()) {
            out.add(new Case(id, "multipart", b.getKey(), method, path, "multipart/form-data; boundary=" + BOUNDARY, b.getValue(),
                    call.ifMatch(), Set.of(400, 415)));
        }
        out.add(new Case(id, "multipart", "no boundary", method, path, "multipart/form-data", whole, call.ifMatch(), Set.of(400, 415)));
        return out;
    }

    private static final String BOUNDARY = "qingfeng-bad-input";

    /** A multipart form of text fields and one file. */
    private record Form(byte[] file, String defaultName, String type) {
        byte[] build(Map<String, String> fields, String filename, boolean withFile) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((k, val) -> out.writeBytes(("--" + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + val.replace(LONE, "\uD800") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            if (withFile) {
                out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(file);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    private static Supplier<String> once(Supplier<String> s) {
        return new Supplier<>() {
            private String value;

            @Override
            public synchronized String get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    private static byte[] serialise(JsonNode body) throws Exception {
        return JSON.writeValueAsString(body).replace(LONE, "\\ud800").getBytes(StandardCharsets.UTF_8);
    }

    private static String label(String value) {
        String shown = value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x202E ? String.format("\\u%04X", c) : Character.toString(c)));
        return b.toString();
    }

    /** A schema with its {@code $ref} and {@code allOf} folded in. */
    private JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return N.objectNode();
        }
        ObjectNode merged = N.objectNode();
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            merged.setAll((ObjectNode) resolve(schemas.path(name)));
        }
        for (JsonNode part : schema.path("allOf")) {
            merged.setAll((ObjectNode) resolve(part));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getKey().equals("$ref") && !f.getKey().equals("allOf")) {
                merged.set(f.getKey(), f.getValue());
            }
        }
        return merged;
    }
}
