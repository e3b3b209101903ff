package cn.qingfeng.common.problem;

import cn.qingfeng.common.web.RequestId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Builds problem bodies; shared by the JAX-RS mappers and the Vert.x-level handlers. */
@ApplicationScoped
public class ProblemWriter {

    private static final Logger LOG = Logger.getLogger(ProblemWriter.class);

    @Inject
    ObjectMapper json;

    public Problem problem(int status, String code, String title, String detail, String path,
                           List<FieldViolation> violations, Map<String, Object> extensions) {
        return new Problem(Problem.TYPE_BASE + code, title, status, detail, path, code,
                RequestId.current().orElse(null), violations, extensions);
    }

    public void write(RoutingContext rc, int status, String code, String title, String detail) {
        write(rc, status, code, title, detail, List.of());
    }

    public void write(RoutingContext rc, int status, String code, String title, String detail, List<FieldViolation> violations) {
        Problem body = problem(status, code, title, detail, rc.normalizedPath(), violations, Map.of());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"status\":" + status + ",\"code\":\"" + code + "\"}";
        }
        var response = rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 413 || status == 411) {
            // The client may still be sending; do not keep reading a body we refuse.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(text);
    }

    public void log(Throwable failure) {
        LOG.error("Unhandled failure", failure);
    }
}
