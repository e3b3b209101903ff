package cn.qingfeng.integration.idempotency;

import cn.qingfeng.common.openapi.ApiErrors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * States the Idempotency-Key header on every POST operation of the contract, with its expiry and
 * the 409 / 422 answers ({@link IdempotencyFilter}); called by the contract's OASFilter before the
 * problem responses are written.
 */
public final class IdempotencyDocumentation {

    static final String DESCRIPTION = "Makes a retry safe (draft-ietf-httpapi-idempotency-key-header-07): 1–"
            + IdempotencyKey.MAX_LENGTH + " visible ASCII characters, bare or as a quoted RFC 8941 string, unique per "
            + "request; keys are per caller. The same key with the same request (method, path and query, content type, "
            + "body bytes; a multipart boundary aside) answers the first response again — status, headers and body — with `Idempotent-Replayed: true` "
            + "and without a second effect; with another request: 422 `idempotency.key-reused`; while the first is still "
            + "being served: 409 `idempotency.in-flight`; malformed: 400 `idempotency.key-invalid`. A 5xx answer is not "
            + "kept (retry with the same key). Keys expire 24 hours after their first use (`qingfeng.idempotency.retention`, "
            + "never less) and may then be used again. Required for the OA's service account (role integration): "
            + "400 `idempotency.key-missing`.";

    private IdempotencyDocumentation() {
    }

    public static void document(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1/") && item.getPOST() != null) {
                document(item.getPOST());
            }
        });
    }

    private static void document(Operation op) {
        op.addParameter(OASFactory.createParameter().name(IdempotencyKey.HEADER).in(Parameter.In.HEADER).required(false)
                .description(DESCRIPTION)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1)
                        .maxLength(IdempotencyKey.MAX_LENGTH + 2).pattern("^(\"[!-~]{1,255}\"|[!-~]{1,255})$")
                        .example("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        Set<String> statuses = new LinkedHashSet<>();
        Object listed = op.getExtensions() == null ? null : op.getExtensions().get(ApiErrors.EXTENSION);
        if (listed != null) {
            statuses.addAll(List.of(listed.toString().split(",")));
        }
        statuses.add("409");
        statuses.add("422");
        op.addExtension(ApiErrors.EXTENSION, String.join(",", statuses));
    }
}
