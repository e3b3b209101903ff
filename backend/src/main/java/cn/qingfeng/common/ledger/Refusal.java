package cn.qingfeng.common.ledger;

import cn.qingfeng.common.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an action cannot be taken now: a stable code clients switch on, a message for people, and
 * details a client may show (e.g. {@code openMeasures}). Answered as 409 when the action is tried.
 */
public record Refusal(String code, String message, Map<String, Object> details) {

    public Refusal {
        details = details == null ? Map.of() : new LinkedHashMap<>(details);
    }

    public static Refusal of(String code, String message) {
        return new Refusal(code, message, Map.of());
    }

    ProblemException problem() {
        return ProblemException.conflict(code, message, details);
    }
}
