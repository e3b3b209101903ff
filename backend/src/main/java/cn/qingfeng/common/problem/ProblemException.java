package cn.qingfeng.common.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the API reports to its caller as RFC 9457 problem+json. {@code code} is stable and
 * machine-readable (clients switch on it); {@code detail} is for people.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldViolation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String code, String title, String detail,
                            List<FieldViolation> violations, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = violations;
        this.extensions = extensions;
    }

    public static ProblemException notFound(String entity) {
        return new ProblemException(404, "not-found", "Not Found", "记录不存在或无权查看（" + entity + "）");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException conflict(String code, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, code, "Conflict", detail, List.of(), extensions);
    }

    /** 409: the record's state does not allow the action (code {@code <ledger>.illegal-transition}). */
    public static ProblemException illegalTransition(String ledger, Enum<?> from, String action) {
        return conflict(ledger + ".illegal-transition", "当前状态（" + from + "）不能执行该操作（" + action + "）",
                Map.of("from", from.name(), "action", action));
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad Request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Validation failed", message,
                List.of(new FieldViolation(field, message)), Map.of());
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public List<FieldViolation> violations() { return violations; }
    public Map<String, Object> extensions() { return extensions; }
}
