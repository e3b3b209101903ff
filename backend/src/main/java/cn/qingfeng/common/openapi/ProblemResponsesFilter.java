package cn.qingfeng.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json errors once for the whole API: the {@code Problem} schema, one
 * reusable response per status, and the errors every operation can return.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Status → (component name, description) of the reusable error responses. */
    private static final Map<String, String[]> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put("400", new String[]{ApiErrors.BAD_REQUEST, "Invalid input (code `validation` lists the fields)"});
        RESPONSES.put("401", new String[]{ApiErrors.UNAUTHORIZED, "Missing, expired or invalid bearer token"});
        RESPONSES.put("403", new String[]{ApiErrors.FORBIDDEN, "The caller's role does not allow this"});
        RESPONSES.put("404", new String[]{ApiErrors.NOT_FOUND, "No such record within the caller's scope"});
        RESPONSES.put("406", new String[]{ApiErrors.NOT_ACCEPTABLE, "The requested media type cannot be produced"});
        RESPONSES.put("409", new String[]{ApiErrors.CONFLICT, "Refused by a business rule; `code` says which"});
        RESPONSES.put("412", new String[]{ApiErrors.PRECONDITION_FAILED, "If-Match names an outdated version"});
        RESPONSES.put("413", new String[]{ApiErrors.PAYLOAD_TOO_LARGE, "The request body is larger than allowed (an upload: the file limit; JSON: qingfeng.http.max-json-size)"});
        RESPONSES.put("414", new String[]{ApiErrors.URI_TOO_LONG, "The request's URI is longer than the server reads"});
        RESPONSES.put("415", new String[]{ApiErrors.UNSUPPORTED_MEDIA_TYPE, "The content type is not accepted"});
        RESPONSES.put("422", new String[]{ApiErrors.UNPROCESSABLE, "The content was refused on inspection (e.g. a zip bomb), or an Idempotency-Key was reused for another request; `code` says why"});
        RESPONSES.put("428", new String[]{ApiErrors.PRECONDITION_REQUIRED, "The update needs an If-Match header"});
        RESPONSES.put("500", new String[]{ApiErrors.SERVER_ERROR, "Unexpected failure (quote the request id)"});
    }

    /** Errors any operation can answer. */
    private static final List<String> COMMON = List.of("400", "401", "403", "404", "406", "500");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("FieldViolation", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        api.getComponents().addSchema("Problem", problemSchema());
        RESPONSES.forEach((status, named) -> api.getComponents().addResponse(named[0], OASFactory.createAPIResponse()
                .description(named[1])
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))))));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::addCommon));
    }

    private void addCommon(Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        List<String> statuses = new java.util.ArrayList<>(COMMON);
        if (op.getRequestBody() != null) {
            statuses.add("413");
            statuses.add("415");
        }
        Object listed = op.getExtensions() == null ? null : op.getExtensions().get(ApiErrors.EXTENSION);
        // SmallRye may hang the operation's extension on its explicit responses too (on the responses
        // object itself when there are several).
        if (responses.getExtensions() != null && responses.getExtensions().containsKey(ApiErrors.EXTENSION)) {
            if (listed == null) {
                listed = responses.getExtensions().get(ApiErrors.EXTENSION);
            }
            responses.removeExtension(ApiErrors.EXTENSION);
        }
        responses.getAPIResponses().values().forEach(r -> {
            if (r.getExtensions() != null && r.getExtensions().containsKey(ApiErrors.EXTENSION)) {
                r.removeExtension(ApiErrors.EXTENSION);
            }
        });
        if (listed != null) {
            statuses.addAll(List.of(listed.toString().split(",")));
            op.removeExtension(ApiErrors.EXTENSION);
        }
        statuses.stream().map(String::trim).distinct().sorted().forEach(status -> {
            if (!RESPONSES.containsKey(status)) {
                throw new IllegalArgumentException("undocumented problem status " + status + " on " + op.getOperationId());
            }
            APIResponse existing = responses.getAPIResponse(status);
            // Generated error responses (e.g. 401 "Not Authorized") carry no body schema: ours replace them.
            if (existing == null || (existing.getRef() == null
                    && (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()))) {
                responses.addAPIResponse(status, ref(status));
            }
        });
    }

    private static APIResponse ref(String status) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + RESPONSES.get(status)[0]);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; extra members may carry details of a refusal")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("Stable machine-readable code, e.g. validation, not-found, unit.has-active-children"))
                .addProperty("requestId", string)
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldViolation")))
                .required(List.of("type", "title", "status", "code"))
                .additionalPropertiesBoolean(true);
    }
}
