package cn.qingfeng.common.web;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of the request being served: echoed in X-Request-Id, logged, and written into journal events. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "qingfeng.requestId";
    /** Ids from callers (e.g. the OA system) are accepted only when they are short and plain. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private RequestId() {
    }

    /** The caller's id when it is acceptable, otherwise a fresh one. */
    static String choose(String fromCaller) {
        if (fromCaller != null && ACCEPTABLE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }

    /** The current request's id, if the code runs for a request. */
    public static Optional<String> current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Optional.empty();
        }
        try {
            return ContextLocals.get(KEY);
        } catch (UnsupportedOperationException notDuplicated) {
            return Optional.empty();
        }
    }
}
