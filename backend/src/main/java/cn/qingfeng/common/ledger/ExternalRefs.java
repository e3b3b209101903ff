package cn.qingfeng.common.ledger;

import cn.qingfeng.common.problem.ProblemException;
import java.util.function.BiPredicate;

/**
 * Records that come from outside (an OA document number, an inspection report) carry their
 * source with their reference, and a reference is registered once per source.
 */
public final class ExternalRefs {

    private ExternalRefs() {
    }

    /** 400 for a reference without its source, 409 {@code <ledger>.external-ref-taken} for one seen before. */
    public static void check(Lifecycle<?, ?> ledger, String source, String ref, BiPredicate<String, String> taken) {
        if (ref == null) {
            return;
        }
        if (source == null) {
            throw ProblemException.invalidField("externalSource", "externalRef 需要同时给出来源 externalSource");
        }
        if (taken.test(source, ref)) {
            throw ProblemException.conflict(ledger.name() + ".external-ref-taken", "来源 " + source + " 的编号 " + ref + " 已登记过");
        }
    }
}
