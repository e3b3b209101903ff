package cn.qingfeng.attachment;

import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attachments", description = "附件: evidence files of any record; access follows the record")
public class AttachmentResource {

    @Inject
    Created created;

    @Inject
    AttachmentService service;

    /** The multipart form of an upload. */
    @Schema(name = "AttachmentUpload")
    public static class UploadForm {
        @RestForm
        @NotBlank
        @Schema(description = "Type of the owning record", example = "UNIT", required = true)
        public String ownerType;

        @RestForm
        @NotNull
        @Schema(description = "Id of the owning record", required = true)
        public UUID ownerId;

        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", required = true,
                description = "The file: pdf, ofd, docx, xlsx, doc, xls, jpg, png or zip, up to the configured size")
        public FileUpload file;
    }

    /** The body of a withdrawal. */
    @Schema(name = "RemoveAttachment")
    public record RemoveRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authenticated
    @Operation(operationId = "uploadAttachment", summary = "Upload an evidence file to a record",
            description = "The type is sniffed from the bytes: 415 attachment.type-not-allowed / attachment.type-mismatch; "
                    + "413 attachment.too-large; zip containers (docx, xlsx, ofd, zip) are looked into first: 422 "
                    + "attachment.archive-too-many-entries, attachment.archive-too-large, attachment.archive-ratio (a zip bomb), "
                    + "attachment.archive-xml-dtd (a DTD or entity in an XML part), attachment.archive-unreadable. "
                    + "The SHA-256 of the bytes is returned.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "413,415,422")
    public RestResponse<AttachmentView> upload(@Valid @BeanParam UploadForm form) {
        if (form.file == null) {
            throw ProblemException.invalidField("file", "请选择要上传的文件");
        }
        AttachmentView made = service.upload(form.ownerType, form.ownerId, form.file.fileName(), form.file.uploadedFile());
        return created.at("/api/v1/attachments/" + made.id(), made);
    }

    @GET
    @Authenticated
    @Operation(operationId = "listAttachments", summary = "The files of one record")
    public Page<AttachmentView> list(@QueryParam("ownerType") @NotBlank String ownerType,
                                     @QueryParam("ownerId") @NotNull UUID ownerId,
                                     @QueryParam("includeRemoved") @DefaultValue("false") boolean includeRemoved,
                                     @BeanParam PageParams page) {
        return service.list(ownerType, ownerId, includeRemoved, page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getAttachment", summary = "One file's metadata")
    public AttachmentView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(operationId = "downloadAttachment", summary = "Download a file")
    @APIResponse(responseCode = "200", description = "The file's bytes",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id) {
        AttachmentService.Download d = service.download(id);
        StreamingOutput body = out -> out.write(d.content());
        return Response.ok(body, d.contentType())
                .header("Content-Disposition", ContentDisposition.attachment(d.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("/{id}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "removeAttachment", summary = "Withdraw a file (kept for the record)",
            description = "Only the uploader, an admin or a supervisor may withdraw a file (403 attachment.not-uploader). "
                    + "If-Match: the file's version.")
    @Extension(name = ApiErrors.EXTENSION, value = "412,428")
    public AttachmentView remove(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull RemoveRequest request) {
        return service.remove(id, ETags.ifMatch(ifMatch), request.reason());
    }
}
