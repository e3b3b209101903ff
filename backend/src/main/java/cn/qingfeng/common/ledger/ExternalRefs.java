package cn.qingfeng.common.ledger;

import cn.qingfeng.common.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Records that come from outside (an OA document number, an inspection report) carry their
 * source with their reference, and a reference is registered once per source.
 */
public final class ExternalRefs {

    private ExternalRefs() {
    }

    /** The record a reference is already registered for. */
    public record Existing(Object id, String code) {
    }

    /**
     * 400 for a reference without its source, 409 {@code <ledger>.external-ref-taken} for one seen
     * before, naming that record ({@code existingId}, {@code existingCode}) so that a caller who
     * lost its answer can go on with the record it made.
     */
    public static void check(Lifecycle<?, ?> ledger, String source, String ref,
                             BiFunction<String, String, Optional<Existing>> registered) {
        if (ref == null) {
            return;
        }
        if (source == null) {
            throw ProblemException.invalidField("externalSource", "externalRef 需要同时给出来源 externalSource");
        }
        registered.apply(source, ref).ifPresent(e -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("externalSource", source);
            details.put("externalRef", ref);
            details.put("existingId", e.id().toString());
            details.put("existingCode", e.code());
            throw ProblemException.conflict(ledger.name() + ".external-ref-taken",
                    "来源 " + source + " 的编号 " + ref + " 已登记为 " + e.code() + "（" + e.id() + "）", details);
        });
    }
}
