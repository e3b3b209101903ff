package cn.qingfeng.integration.oa;

import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.integration.oa.OaUserViews.ImportResult;
import cn.qingfeng.integration.oa.OaUserViews.OaUserView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/integration/oa-users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Integration", description = "OA 集成: who a person is in the OA (login ↔ Qingfeng username)")
public class OaUserResource {

    private static final String LOGIN = "The OA login: 1–100 characters, no spaces, control or direction characters";

    @Inject
    Created created;

    @Inject
    OaUserService service;

    /** The multipart form of an import. */
    @Schema(name = "OaUserImportUpload")
    public static class ImportForm {
        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", required = true,
                description = "CSV, UTF-8 (with or without BOM), header row oaLogin,username,displayName; up to 2 MB and 10,000 lines")
        public FileUpload file;
    }

    @GET
    @PermissionsAllowed("listOaUsers")
    @Operation(operationId = "listOaUsers", summary = "The OA people mapping (OA login ↔ Qingfeng username)")
    public Page<OaUserView> list(@QueryParam("q") @Parameter(description = "Text in the OA login, the username or the name") String q,
                                 @BeanParam PageParams page) {
        return service.list(q, page);
    }

    @GET
    @Path("/{oaLogin}")
    @PermissionsAllowed("getOaUser")
    @Operation(operationId = "getOaUser", summary = "One OA login's mapping")
    public OaUserView get(@PathParam("oaLogin") @Parameter(description = LOGIN) String oaLogin) {
        return service.get(oaLogin);
    }

    @PUT
    @Path("/{oaLogin}")
    @PermissionsAllowed("putOaUser")
    @Operation(operationId = "putOaUser", summary = "Map an OA login to a Qingfeng user (create or replace)",
            description = "Creating needs no If-Match (201); replacing requires If-Match (428 without, 412 when stale; 200). "
                    + "A username is mapped from one OA login only: 409 oa-user.username-taken names the other. Journaled (oa_user.*).")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OaUserView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OaUserView.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public RestResponse<OaUserView> put(@PathParam("oaLogin") @Parameter(description = LOGIN) String oaLogin,
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @Valid @NotNull OaUserRequests.Put request) {
        OaUserService.Saved saved = service.put(oaLogin, ETags.ifMatch(ifMatch), request);
        if (saved.created()) {
            return created.at("/api/v1/integration/oa-users/" + URLEncoder.encode(oaLogin, StandardCharsets.UTF_8).replace("+", "%20"),
                    saved.view());
        }
        return RestResponse.ok(saved.view(), MediaType.APPLICATION_JSON_TYPE);
    }

    @DELETE
    @Path("/{oaLogin}")
    @PermissionsAllowed("deleteOaUser")
    @Operation(operationId = "deleteOaUser", summary = "Remove an OA login's mapping",
            description = "If-Match is optional; when given it must name the current version (412). Journaled (oa_user.deleted).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = ApiErrors.EXTENSION, value = "412")
    public void delete(@PathParam("oaLogin") @Parameter(description = LOGIN) String oaLogin,
                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(oaLogin, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed("importOaUsers")
    @Operation(operationId = "importOaUsers", summary = "Import the mapping from CSV (all lines or none)",
            description = "Each line creates or replaces its OA login's mapping; the state the whole file leads to is checked "
                    + "(each username once). Any problem and nothing is written: 422 oa-user.import-rejected with `problems` "
                    + "[{line, field, value, message}] (OaUserImportProblem); 422 oa-user.import-not-utf8; 413 oa-user.import-too-large.")
    @APIResponse(responseCode = "200", description = "Imported: the counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "413,422")
    public ImportResult importCsv(@Valid @BeanParam ImportForm form) {
        if (form.file == null) {
            throw ProblemException.invalidField("file", "请选择要导入的 CSV 文件");
        }
        return service.importCsv(form.file.fileName(), form.file.uploadedFile());
    }
}
