package cn.qingfeng.bulk.job;

import cn.qingfeng.attachment.ContentDisposition;
import cn.qingfeng.bulk.importing.Conflict;
import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Imports", description = "批量导入: spreadsheets and CSV into the ledgers, dry run first, through the ledgers' own rules")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ImportService service;

    /** The multipart form of an upload. */
    @Schema(name = "ImportUpload")
    public static class UploadForm {
        @RestForm
        @NotBlank
        @Pattern(regexp = "tasks|rectifications|risks", message = "台账只能是 tasks、rectifications 或 risks")
        @Schema(description = "The ledger to import into", enumeration = {"tasks", "rectifications", "risks"}, required = true)
        public String ledger;

        @RestForm
        @Pattern(regexp = "STOP|SKIP|UPDATE", message = "冲突处理只能是 STOP、SKIP 或 UPDATE")
        @Schema(description = "When a row's record exists (by code, else by source and external reference): STOP (default), SKIP or UPDATE",
                enumeration = {"STOP", "SKIP", "UPDATE"})
        public String conflict;

        @RestForm
        @Pattern(regexp = "AUTO|UTF_8|GB18030", message = "编码只能是 AUTO、UTF_8 或 GB18030")
        @Schema(description = "CSV only: AUTO (default: a BOM, else UTF-8 if the file decodes as UTF-8, else GB18030), UTF_8 or GB18030")
        public String encoding;

        @RestForm
        @Size(max = 20000)
        @Schema(description = "JSON {\"<sheet>\": {\"<header in the file>\": \"<column key, or empty to ignore>\"}}")
        public String mapping;

        @RestForm
        @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", message = "映射方案编号格式不对")
        @Schema(description = "A saved mapping to start from", format = "uuid")
        public String mappingId;

        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The xlsx or CSV file, up to the attachments' size limit")
        public FileUpload file;
    }

    @GET
    @Path("/imports/ledgers")
    @Operation(operationId = "listImportLedgers", summary = "The ledgers that take imports, their sheets and columns")
    public List<ImportViews.LedgerView> ledgers() {
        return service.ledgers();
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed("createImport")
    @Operation(operationId = "createImport", summary = "Upload a file: the dry run starts at once",
            description = "Nothing is written until the commit. 403 import.not-permitted when the caller's role may not create "
                    + "records of the ledger; 413 import.too-large; 422 for a file that is not a readable xlsx or CSV "
                    + "(attachment.archive-* for a suspicious xlsx container, import.xls-unsupported, import.not-a-table).")
    @APIResponse(responseCode = "202", description = "Accepted: poll the job for the dry run's result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.Job.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "413,422")
    public RestResponse<ImportViews.Job> upload(@Valid @BeanParam UploadForm form) {
        if (form.file == null) {
            throw cn.qingfeng.common.problem.ProblemException.invalidField("file", "请选择要导入的文件");
        }
        return accepted(service.upload(form.ledger, form.conflict == null ? null : Conflict.valueOf(form.conflict), form.encoding,
                form.mapping, form.mappingId == null ? null : UUID.fromString(form.mappingId),
                form.file.fileName(), form.file.uploadedFile()));
    }

    @GET
    @Path("/imports")
    @Operation(operationId = "listImports", summary = "Import history, newest first",
            description = "The caller's own imports; admins, supervisors, leaders and auditors see everyone's.")
    public Page<ImportViews.Job> list(@QueryParam("ledger") @Pattern(regexp = "tasks|rectifications|risks", message = "台账只能是 tasks、rectifications 或 risks") String ledger,
                                      @QueryParam("status") ImportStatus status, @BeanParam PageParams page) {
        return service.list(ledger, status, page);
    }

    @GET
    @Path("/imports/{id}")
    @Operation(operationId = "getImport", summary = "An import with its counts and progress")
    public ImportViews.Job get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/imports/{id}/problems")
    @Operation(operationId = "listImportProblems", summary = "The dry run's problems: sheet, row, column, value, message")
    public Page<ImportViews.Problem> problems(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.problems(id, page);
    }

    @GET
    @Path("/imports/{id}/records")
    @Operation(operationId = "listImportRecords", summary = "What the commit did with each record's row")
    public Page<ImportViews.Record> records(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.records(id, page);
    }

    @GET
    @Path("/imports/{id}/annotated")
    @Produces({XLSX, MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(operationId = "getImportAnnotated", summary = "The rows with problems as a workbook, with a 问题说明 column")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response annotated(@PathParam("id") UUID id) {
        String name = service.fileNameOf(id);
        java.nio.file.Path file = service.annotated(id);
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(body, XLSX).header("Content-Disposition", ContentDisposition.attachment(name)).build();
    }

    @POST
    @Path("/imports/{id}/revalidate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revalidateImport", summary = "Run the dry run again with another mapping or conflict mode",
            description = "409 import.not-validated unless the dry run is done and nothing is committed; 409 import.running while a worker holds it.")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.Job.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<ImportViews.Job> revalidate(@PathParam("id") UUID id, @Valid @NotNull ImportRequests.Revalidate request) {
        return accepted(service.revalidate(id, request));
    }

    @POST
    @Path("/imports/{id}/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "commitImport", summary = "Import the file: all or nothing, or only the valid rows",
            description = "409 import.not-validated, import.nothing-valid, import.has-problems (all or nothing with problems left), "
                    + "import.running. Every record is written through its ledger's service and journaled as client IMPORT "
                    + "with requestId import:<id>; the commit is one transaction.")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.Job.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<ImportViews.Job> commit(@PathParam("id") UUID id, @Valid @NotNull ImportRequests.Commit request) {
        return accepted(service.commit(id, request.validRowsOnly()));
    }

    @POST
    @Path("/imports/{id}/cancel")
    @Operation(operationId = "cancelImport", summary = "Cancel an import that has not ended",
            description = "A running import stops at its next progress report and writes nothing. 409 import.ended.")
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public ImportViews.Job cancel(@PathParam("id") UUID id) {
        return service.cancel(id);
    }

    @GET
    @Path("/import-mappings")
    @Operation(operationId = "listImportMappings", summary = "The caller's saved header mappings")
    public List<ImportViews.Mapping> mappings(@QueryParam("ledger") @Pattern(regexp = "tasks|rectifications|risks", message = "台账只能是 tasks、rectifications 或 risks") String ledger) {
        return service.mappings(ledger);
    }

    @POST
    @Path("/import-mappings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveImportMapping", summary = "Save a header mapping under a name (the same name replaces it)")
    public ImportViews.Mapping saveMapping(@Valid @NotNull ImportRequests.SaveMapping request) {
        return service.saveMapping(request);
    }

    @DELETE
    @Path("/import-mappings/{id}")
    @Operation(operationId = "deleteImportMapping", summary = "Delete a saved header mapping")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteMapping(@PathParam("id") UUID id) {
        service.deleteMapping(id);
    }

    private static RestResponse<ImportViews.Job> accepted(ImportViews.Job job) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, job)
                .header("Location", "/api/v1/imports/" + job.id()).build();
    }
}
